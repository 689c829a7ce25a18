package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The orchestrator without real processes; Kafka and Mongo are covered by their own tests. */
class EmbeddedSystemTest {

    @TempDir
    Path repoRoot;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();

    private EmbeddedSystem system() {
        Settings settings = Settings.defaults(repoRoot, repoRoot.resolve(".hotline")).withPorts(Ports.allocateFree());
        return new EmbeddedSystem(settings, new PrintStream(output, true, StandardCharsets.UTF_8));
    }

    @Test
    void upRefusesToStartWithoutTheJars() {
        assertThatThrownBy(() -> system().up())
                .isInstanceOf(StartupFailedException.class)
                .hasMessageContaining("gateway.jar")
                .hasMessageContaining("embedded-infra.jar");
        assertThat(repoRoot.resolve(".hotline/run")).doesNotExist();
    }

    @Test
    void downWithNothingRunningIsANoOp() {
        system().down();

        assertThat(output.toString(StandardCharsets.UTF_8)).contains("Nothing was running.");
    }

    @Test
    void statusListsEveryProcessAsStopped() {
        List<ProcessStatus> statuses = system().status();

        assertThat(statuses).extracting(ProcessStatus::name).containsExactly(
                "kafka", "intake-mongo", "dispatch-mongo", "feedback-mongo", "gateway-mongo",
                "intake-service", "dispatch-service", "feedback-service", "gateway");
        assertThat(statuses).noneMatch(ProcessStatus::running).noneMatch(ProcessStatus::healthy);
    }
}
