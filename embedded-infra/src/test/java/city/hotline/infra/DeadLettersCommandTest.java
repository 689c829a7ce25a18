package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.infra.DeadLetter.Coordinates;
import city.hotline.infra.DeadLettersCommand.Request;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class DeadLettersCommandTest {

    @Test
    void listReadsEveryDeadLetterTopicOrOne() {
        assertThat(DeadLettersCommand.parse(List.of("list")))
                .isEqualTo(new Request(false, Optional.empty(), false, List.of()));
        assertThat(DeadLettersCommand.parse(List.of("list", "--topic", "hotline.dispatch-service.dlt")))
                .isEqualTo(new Request(false, Optional.of("hotline.dispatch-service.dlt"), false, List.of()));
    }

    @Test
    void republishTakesChosenDeadLettersOrAll() {
        assertThat(DeadLettersCommand.parse(List.of("republish", "a.dlt:0:1", "b.dlt:2:3")))
                .isEqualTo(new Request(true, Optional.empty(), false,
                        List.of(new Coordinates("a.dlt", 0, 1), new Coordinates("b.dlt", 2, 3))));
        assertThat(DeadLettersCommand.parse(List.of("republish", "--all", "--topic", "a.dlt")))
                .isEqualTo(new Request(true, Optional.of("a.dlt"), true, List.of()));
    }

    @Test
    void whatDoesNotMakeSenseIsAUsageError() {
        for (List<String> options : List.<List<String>>of(List.of(), List.of("show"), List.of("list", "a.dlt:0:1"), List.of("list", "--all"),
                List.of("list", "--topic"), List.of("list", "--topic", "a", "--topic", "b"), List.of("republish"),
                List.of("republish", "--all", "a.dlt:0:1"), List.of("republish", "--topic", "a.dlt", "a.dlt:0:1"),
                List.of("republish", "a.dlt:0"), List.of("republish", "--force", "a.dlt:0:1"))) {
            assertThatThrownBy(() -> DeadLettersCommand.parse(options)).as("%s", options)
                    .isInstanceOf(IllegalArgumentException.class);
        }
        ByteArrayOutputStream err = new ByteArrayOutputStream();
        int exit = DeadLettersCommand.run("localhost:1", List.of("republish"), new PrintStream(new ByteArrayOutputStream()),
                new PrintStream(err, true, StandardCharsets.UTF_8));
        assertThat(exit).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("TOPIC:PARTITION:OFFSET").contains(DeadLettersCommand.USAGE);
    }
}
