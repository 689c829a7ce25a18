package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class JavaCommandTest {

    @Test
    void infrastructureOptionsComeAfterTheQuickJitSoTheyOverrideIt() {
        List<String> command = new JavaCommand("java", "lib/*", List.of("-XX:TieredStopAtLevel=4"))
                .main("256m", "org.example.Main", "arg");

        assertThat(command).containsSubsequence("-XX:TieredStopAtLevel=1", "-XX:TieredStopAtLevel=4", "-cp", "lib/*",
                "org.example.Main", "arg");
        assertThat(new JavaCommand("java", "lib/*", List.of()).main("256m", "org.example.Main"))
                .containsSubsequence("-XX:TieredStopAtLevel=1", "-cp").doesNotContain("-XX:TieredStopAtLevel=4");
    }
}
