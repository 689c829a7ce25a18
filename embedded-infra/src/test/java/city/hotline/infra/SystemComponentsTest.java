package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SystemComponentsTest {

    private static final Path REPO = Path.of("/repo");

    private final Settings settings = Settings.defaults(REPO, REPO.resolve(".hotline"));
    private final SystemComponents components = new SystemComponents(settings);

    @Test
    void theGatewayGetsItsOwnMongoServer() {
        ProcessDefinition mongo = process(components.infrastructure(), "gateway-mongo");

        assertThat(mongo.ports()).containsExactly(Ports.DEFAULT_GATEWAY_MONGO);
        assertThat(mongo.endpoint()).isEqualTo("mongodb://localhost:27021");
        assertThat(mongo.command()).containsSubsequence("--port", "27021")
                .containsSubsequence("--file", "/repo/.hotline/data/mongo/gateway.mv");
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

        assertThat(order.get(1)).extracting(ProcessDefinition::name).containsExactly(SystemComponents.KAFKA);
        assertThat(order.get(2)).extracting(ProcessDefinition::name)
                .containsExactly("intake-mongo", "dispatch-mongo", "feedback-mongo", "gateway-mongo");
        assertThat(order.stream().mapToInt(List::size).sum()).isEqualTo(components.all().size()).isEqualTo(9);
    }

    @Test
    void routingAndStatisticsRunAtALowerPriorityThanCallTaking() {
        for (String background : List.of("dispatch-service", "feedback-service", "dispatch-mongo", "feedback-mongo")) {
            assertThat(process(components.all(), background).command()).as(background)
                    .startsWith("nice", "-n", Integer.toString(Settings.DEFAULT_BACKGROUND_NICE), settings.java());
        }
        for (String callTaking : List.of("gateway", "intake-service", "intake-mongo", "gateway-mongo", "kafka")) {
            assertThat(process(components.all(), callTaking).command().get(0)).as(callTaking).isNotEqualTo("nice");
        }
    }

    @Test
    void aBackgroundNiceOfZeroRunsEverythingAlike() {
        Settings alike = Settings.fromEnvironment(
                Map.of("HOTLINE_HOME", "/repo/.hotline", "HOTLINE_BACKGROUND_NICE", "0"), REPO);

        assertThat(new SystemComponents(alike).all()).allSatisfy(process ->
                assertThat(process.command().get(0)).as(process.name()).isNotEqualTo("nice"));
        assertThatThrownBy(() -> Settings.fromEnvironment(Map.of("HOTLINE_BACKGROUND_NICE", "20"), REPO))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("HOTLINE_BACKGROUND_NICE");
    }

    private static ProcessDefinition process(List<ProcessDefinition> processes, String name) {
        return processes.stream().filter(process -> process.name().equals(name)).findFirst().orElseThrow();
    }
}
