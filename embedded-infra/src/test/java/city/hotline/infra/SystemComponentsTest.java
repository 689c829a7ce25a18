package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;

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

    private static ProcessDefinition process(List<ProcessDefinition> processes, String name) {
        return processes.stream().filter(process -> process.name().equals(name)).findFirst().orElseThrow();
    }
}
