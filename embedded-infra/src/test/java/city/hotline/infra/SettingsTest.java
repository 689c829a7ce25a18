package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SettingsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void defaultsLiveUnderTheRepoRoot() {
        Settings settings = Settings.fromEnvironment(Map.of("HOTLINE_JAVA", "java"), REPO);

        assertThat(settings.home()).isEqualTo(REPO.resolve(".hotline"));
        assertThat(settings.ports())
                .isEqualTo(new Ports(9092, 9093, 27018, 27019, 27020, 27021, 8080, 8081, 8082, 8083, 8090, 9090,
                        9301, 9302, 9303, 9304, 9305));
        assertThat(settings.gatewayManagementUrl()).isEqualTo("http://localhost:8090");
        assertThat(settings.prometheusUrl()).isEqualTo("http://localhost:9090");
        assertThat(settings.withPrometheus()).as("Prometheus only when asked for").isFalse();
        assertThat(settings.prometheus()).as("no PATH: Debian's").isEqualTo("/usr/bin/prometheus");
        assertThat(settings.prometheusFolder()).isEqualTo(Path.of("/repo/ops/prometheus"));
        assertThat(settings.layout().prometheusConfigFile()).isEqualTo(Path.of("/repo/.hotline/prometheus/prometheus.yml"));
        assertThat(settings.layout().prometheusDataDir()).isEqualTo(Path.of("/repo/.hotline/data/prometheus"));
        assertThat(settings.serviceHeap()).isEqualTo("384m");
        assertThat(settings.kafkaHeap()).isEqualTo("512m");
        assertThat(settings.mongoHeap()).isEqualTo("256m");
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(settings.infraJvmOptions()).isEmpty();
        assertThat(settings.storeFsync()).as("stores force each commit to the disk").isTrue();
        assertThat(settings.storeTtlMonitorInterval()).as("as mongod's TTL monitor").isEqualTo(Duration.ofSeconds(60));
        assertThat(settings.layout().mongoStore("intake")).isEqualTo(Path.of("/repo/.hotline/data/mongo/intake.mv"));
        assertThat(settings.layout().mongoStore("gateway")).isEqualTo(Path.of("/repo/.hotline/data/mongo/gateway.mv"));
        assertThat(settings.gatewayMongoUri()).isEqualTo("mongodb://localhost:27021");
        assertThat(settings.gatewayJwksUri()).isEqualTo("http://localhost:8080/.well-known/jwks.json");
        assertThat(settings.infraClasspath())
                .isEqualTo("/repo/embedded-infra/target/embedded-infra.jar:/repo/embedded-infra/target/lib/*");
        assertThat(settings.moduleJar("gateway")).isEqualTo(Path.of("/repo/gateway/target/gateway.jar"));
    }

    @Test
    void environmentOverridesEachSetting() {
        Settings settings = Settings.fromEnvironment(Map.of(
                "HOTLINE_HOME", "/var/hotline",
                "HOTLINE_JAVA", "/opt/jdk/bin/java",
                "KAFKA_PORT", "19092",
                "FEEDBACK_PORT", "18083",
                "GATEWAY_MONGO_PORT", "37021",
                "HOTLINE_KAFKA_HEAP", "1g",
                "HOTLINE_STARTUP_TIMEOUT_SECONDS", "30",
                "HOTLINE_INFRA_JVM_OPTIONS", " -XX:TieredStopAtLevel=4  -XX:+AlwaysPreTouch ",
                "HOTLINE_STORE_FSYNC", "false",
                "HOTLINE_STORE_TTL_MONITOR_SECONDS", "5"), REPO);

        assertThat(settings.home()).isEqualTo(Path.of("/var/hotline"));
        assertThat(settings.java()).isEqualTo("/opt/jdk/bin/java");
        assertThat(settings.kafkaBootstrapServers()).isEqualTo("localhost:19092");
        assertThat(settings.feedbackUrl()).isEqualTo("http://localhost:18083");
        assertThat(settings.gatewayMongoUri()).isEqualTo("mongodb://localhost:37021");
        assertThat(settings.ports().gateway()).isEqualTo(Ports.DEFAULT_GATEWAY);
        assertThat(settings.kafkaHeap()).isEqualTo("1g");
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(30));
        assertThat(settings.infraJvmOptions()).containsExactly("-XX:TieredStopAtLevel=4", "-XX:+AlwaysPreTouch");
        assertThat(settings.storeFsync()).isFalse();
        assertThat(settings.storeTtlMonitorInterval()).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void environmentSetsTheManagementPortAndPrometheus() {
        Settings settings = Settings.fromEnvironment(Map.of(
                "HOTLINE_JAVA", "java",
                "GATEWAY_MANAGEMENT_PORT", "18090",
                "PROMETHEUS_PORT", "19090",
                "HOTLINE_WITH_PROMETHEUS", "true",
                "HOTLINE_PROMETHEUS", "/opt/prometheus/prometheus"), REPO);

        assertThat(settings.gatewayManagementUrl()).isEqualTo("http://localhost:18090");
        assertThat(settings.prometheusUrl()).isEqualTo("http://localhost:19090");
        assertThat(settings.withPrometheus()).isTrue();
        assertThat(settings.prometheus()).isEqualTo("/opt/prometheus/prometheus");
    }

    @Test
    void prometheusIsTheFirstOneOnThePath(@TempDir Path dir) throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty"));
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path other = Files.createDirectories(dir.resolve("other"));
        for (Path folder : List.of(bin, other)) {
            Files.writeString(folder.resolve("prometheus"), "#!/bin/sh\n");
            folder.resolve("prometheus").toFile().setExecutable(true);
        }
        Files.writeString(empty.resolve("prometheus"), "not executable");

        Settings settings = Settings.fromEnvironment(Map.of("HOTLINE_JAVA", "java",
                "PATH", empty + File.pathSeparator + bin + File.pathSeparator + other), REPO);

        assertThat(settings.prometheus()).isEqualTo(bin.resolve("prometheus").toString());
    }

    @Test
    void withPrometheusIsTrueOrFalse() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("HOTLINE_JAVA", "java", "HOTLINE_WITH_PROMETHEUS", "1"),
                REPO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HOTLINE_WITH_PROMETHEUS is true or false, not 1");
    }

    @Test
    void fsyncIsTrueOrFalse() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("HOTLINE_JAVA", "java", "HOTLINE_STORE_FSYNC", "yes"),
                REPO)).isInstanceOf(IllegalArgumentException.class).hasMessage("HOTLINE_STORE_FSYNC is true or false, not yes");
    }

    @Test
    void theTtlMonitorRunsEverySoManySecondsAboveZero() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("HOTLINE_JAVA", "java",
                "HOTLINE_STORE_TTL_MONITOR_SECONDS", "0"), REPO)).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("HOTLINE_STORE_TTL_MONITOR_SECONDS is a number of seconds above 0, not 0");
    }

    @Test
    void rejectsAPortThatIsNotANumber() {
        assertThatThrownBy(() -> Ports.fromEnvironment(Map.of("GATEWAY_PORT", "http")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("GATEWAY_PORT");
    }

    @Test
    void freePortsAreDistinct() {
        Ports ports = Ports.allocateFree();

        assertThat(List.of(ports.kafka(), ports.kafkaController(), ports.intakeMongo(),
                ports.dispatchMongo(), ports.feedbackMongo(), ports.gatewayMongo(), ports.gateway(), ports.intake(),
                ports.dispatch(), ports.feedback(), ports.gatewayManagement(), ports.prometheus(), ports.kafkaMetrics(),
                ports.intakeMongoMetrics(), ports.dispatchMongoMetrics(), ports.feedbackMongoMetrics(),
                ports.gatewayMongoMetrics()))
                .doesNotHaveDuplicates();
    }
}
