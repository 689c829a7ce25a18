package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
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

    @Test
    void statusListsPrometheusWhenItIsAskedFor() {
        Settings settings = Settings.defaults(repoRoot, repoRoot.resolve(".hotline")).withPorts(Ports.allocateFree());

        List<ProcessStatus> statuses = new EmbeddedSystem(settings.withPrometheus(true),
                new PrintStream(output, true, StandardCharsets.UTF_8)).status();

        assertThat(statuses).extracting(ProcessStatus::name).endsWith("gateway", "prometheus");
        assertThat(statuses.get(statuses.size() - 1).running()).isFalse();
    }

    @Test
    void upWithPrometheusMissingSaysSoBeforeStartingAnything() throws Exception {
        for (String module : List.of("intake-service", "dispatch-service", "feedback-service", "gateway", "embedded-infra")) {
            Files.createDirectories(repoRoot.resolve(module + "/target"));
            Files.createFile(repoRoot.resolve(module + "/target/" + module + ".jar"));
        }
        Settings settings = Settings.fromEnvironment(Map.of("HOTLINE_HOME", repoRoot.resolve(".hotline").toString(),
                        "HOTLINE_PROMETHEUS", repoRoot.resolve("bin/prometheus").toString()), repoRoot)
                .withPorts(Ports.allocateFree()).withPrometheus(true);

        assertThatThrownBy(() -> new EmbeddedSystem(settings, new PrintStream(output, true, StandardCharsets.UTF_8)).up())
                .isInstanceOf(StartupFailedException.class)
                .hasMessageContaining("Prometheus is not installed at " + repoRoot.resolve("bin/prometheus"));
        assertThat(repoRoot.resolve(".hotline/run")).as("nothing started").doesNotExist();
    }
}
