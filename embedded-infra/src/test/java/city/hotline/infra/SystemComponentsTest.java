package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;

import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

class SystemComponentsTest {

    private static final Path REPO = Path.of("/repo");

    private final Settings settings = Settings.defaults(REPO, REPO.resolve(".hotline"));
    private final SystemComponents components = new SystemComponents(settings);

    @Test
    void theGatewayGetsItsOwnMongoServer() {
        ProcessDefinition mongo = process(components.infrastructure(), "gateway-mongo");

        assertThat(mongo.ports()).containsExactly(Ports.DEFAULT_GATEWAY_MONGO, Ports.DEFAULT_GATEWAY_MONGO_METRICS);
        assertThat(mongo.endpoint()).isEqualTo("mongodb://localhost:27021");
        assertThat(mongo.command()).containsSubsequence("--port", "27021")
                .containsSubsequence("--file", "/repo/.hotline/data/mongo/gateway.mv")
                .containsSubsequence("--metrics-port", "9305")
                .containsSubsequence("--ttl-monitor-interval", "60");
        assertThat(process(components.services(), SystemComponents.GATEWAY).environment())
                .containsEntry("MONGODB_URI", "mongodb://localhost:27021");
    }

    @Test
    void backendServicesValidateTokensWithTheGatewayKeys() {
        for (String module : List.of(SystemComponents.INTAKE, SystemComponents.DISPATCH, SystemComponents.FEEDBACK)) {
            assertThat(process(components.services(), module).environment())
                    .containsEntry("HOTLINE_JWKS_URI", "http://localhost:8080/.well-known/jwks.json");
        }
        assertThat(process(components.services(), SystemComponents.GATEWAY).environment())
                .doesNotContainKey("HOTLINE_JWKS_URI");
    }

    @Test
    void everyMongoServerStopsAfterKafka() {
        List<List<ProcessDefinition>> order = components.shutdownOrder();

        assertThat(order.get(2)).extracting(ProcessDefinition::name).containsExactly(SystemComponents.KAFKA);
        assertThat(order.get(3)).extracting(ProcessDefinition::name)
                .containsExactly("intake-mongo", "dispatch-mongo", "feedback-mongo", "gateway-mongo");
        assertThat(order.stream().mapToInt(List::size).sum()).isEqualTo(components.all().size()).isEqualTo(10);
    }

    @Test
    void prometheusStopsFirstSoThatStoppingTheSystemRaisesNoAlert() {
        assertThat(components.shutdownOrder().get(0)).extracting(ProcessDefinition::name)
                .containsExactly(SystemComponents.PROMETHEUS);
        assertThat(components.shutdownOrder().get(1)).extracting(ProcessDefinition::name)
                .containsExactly(SystemComponents.INTAKE, SystemComponents.DISPATCH, SystemComponents.FEEDBACK,
                        SystemComponents.GATEWAY);
    }

    @Test
    void theGatewaysActuatorIsOnItsManagementPortWhereItsHealthIsChecked() {
        Settings moved = settings.withPorts(new Ports(9092, 9093, 27018, 27019, 27020, 27021, 18080, 8081, 8082, 8083,
                18090, 9090, 9301, 9302, 9303, 9304, 9305));
        ProcessDefinition gateway = process(new SystemComponents(moved).services(), SystemComponents.GATEWAY);

        assertThat(gateway.environment()).containsEntry("SERVER_PORT", "18080").containsEntry("MANAGEMENT_PORT", "18090");
        assertThat(gateway.ports()).as("both must be free before it starts").containsExactly(18080, 18090);
        assertThat(gateway.endpoint()).isEqualTo("http://localhost:18080");
        assertThat(((HttpHealthCheck) gateway.healthCheck()).uri()).hasToString("http://localhost:18090/actuator/health");
        assertThat(((HttpHealthCheck) process(components.services(), SystemComponents.INTAKE).healthCheck()).uri())
                .hasToString("http://localhost:8081/actuator/health");
    }

    @Test
    void prometheusRunsOnLoopbackWithItsConfigurationAndDataUnderTheHome() {
        ProcessDefinition prometheus = process(components.monitoring(), SystemComponents.PROMETHEUS);

        assertThat(prometheus.command()).containsExactly(settings.prometheus(),
                "--config.file=/repo/.hotline/prometheus/prometheus.yml",
                "--storage.tsdb.path=/repo/.hotline/data/prometheus",
                "--web.listen-address=127.0.0.1:9090");
        assertThat(prometheus.ports()).containsExactly(9090);
        assertThat(prometheus.endpoint()).isEqualTo("http://localhost:9090");
        assertThat(((HttpHealthCheck) prometheus.healthCheck()).uri()).hasToString("http://localhost:9090/-/ready");
        assertThat(components.prometheusServer().targetPorts()).containsOnly(
                entry(8081, 8081), entry(8082, 8082), entry(8083, 8083), entry(8090, 8090),
                entry(9301, 9301), entry(9302, 9302), entry(9303, 9303), entry(9304, 9304), entry(9305, 9305));
    }

    @Test
    void theBrokerAndEachStoreServeMetricsOnAPortOfTheirOwn() {
        Settings moved = settings.withPorts(new Ports(9092, 9093, 27018, 27019, 27020, 27021, 8080, 8081, 8082, 8083,
                8090, 9090, 19301, 19302, 19303, 19304, 19305));
        SystemComponents here = new SystemComponents(moved);

        ProcessDefinition kafka = process(here.infrastructure(), SystemComponents.KAFKA);
        assertThat(kafka.command()).containsSubsequence(KafkaBrokerMain.MAIN_CLASS, "--metrics-port", "19301");
        assertThat(kafka.ports()).containsExactly(9092, 9093, 19301);
        int metricsPort = 19302;
        for (String store : List.of("intake", "dispatch", "feedback", "gateway")) {
            ProcessDefinition mongo = process(here.infrastructure(), store + "-mongo");
            assertThat(mongo.command()).as(store).containsSubsequence("--metrics-port", Integer.toString(metricsPort))
                    .containsSubsequence("--file", "/repo/.hotline/data/mongo/" + store + ".mv");
            assertThat(mongo.ports()).as(store).contains(metricsPort);
            metricsPort++;
        }
    }

    private static ProcessDefinition process(List<ProcessDefinition> processes, String name) {
        return processes.stream().filter(process -> process.name().equals(name)).findFirst().orElseThrow();
    }
}
