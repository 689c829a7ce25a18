package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SettingsTest {

    private static final Path REPO = Path.of("/repo");

    @Test
    void defaultsLiveUnderTheRepoRoot() {
        Settings settings = Settings.fromEnvironment(Map.of("HOTLINE_JAVA", "java"), REPO);

        assertThat(settings.home()).isEqualTo(REPO.resolve(".hotline"));
        assertThat(settings.ports())
                .isEqualTo(new Ports(9092, 9093, 27018, 27019, 27020, 27021, 8080, 8081, 8082, 8083));
        assertThat(settings.serviceHeap()).isEqualTo("384m");
        assertThat(settings.kafkaHeap()).isEqualTo("512m");
        assertThat(settings.mongoHeap()).isEqualTo("256m");
        assertThat(settings.startupTimeout()).isEqualTo(Duration.ofSeconds(180));
        assertThat(settings.infraJvmOptions()).isEmpty();
        assertThat(settings.storeFsync()).as("stores force each commit to the disk").isTrue();
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
                "HOTLINE_STORE_FSYNC", "false"), REPO);

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
    }

    @Test
    void fsyncIsTrueOrFalse() {
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("HOTLINE_JAVA", "java", "HOTLINE_STORE_FSYNC", "yes"),
                REPO)).isInstanceOf(IllegalArgumentException.class).hasMessage("HOTLINE_STORE_FSYNC is true or false, not yes");
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

        assertThat(java.util.List.of(ports.kafka(), ports.kafkaController(), ports.intakeMongo(),
                ports.dispatchMongo(), ports.feedbackMongo(), ports.gatewayMongo(), ports.gateway(), ports.intake(),
                ports.dispatch(), ports.feedback())).doesNotHaveDuplicates();
    }
}
