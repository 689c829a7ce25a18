package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is kept correct by construction:
 * every variable it gives one of our services is one that service's configuration reads, and only
 * the gateway publishes a port.
 */
class ComposeFileTest {
  private static final Path ROOT = Path.of(System.getProperty("hotline.repo.root", "..")).toAbsolutePath().normalize();
  private static final String SHARED_DEFAULTS = "service-support/src/main/resources/hotline-defaults.yml";

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  private static String configurationOf(String module) throws IOException {
    String own = Files.readString(ROOT.resolve(module + "/src/main/resources/application.yml"));
    return own.contains("hotline-defaults.yml") ? own + Files.readString(ROOT.resolve(SHARED_DEFAULTS)) : own;
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyVariableGivenToAServiceIsOneItReads() throws IOException {
    List<String> unread = new ArrayList<>();
    int checked = 0;
    for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
      if (!service.getValue().containsKey("build")) {
        continue; // kafka and mongo: the official images' own variables
      }
      String configuration = configurationOf(service.getKey());
      Map<String, Object> environment = (Map<String, Object>) service.getValue().getOrDefault("environment", Map.of());
      for (String variable : environment.keySet()) {
        checked++;
        if (!configuration.contains("${" + variable + ":") && !configuration.contains("${" + variable + "}")) {
          unread.add(service.getKey() + ": " + variable);
        }
      }
    }
    assertThat(checked).isGreaterThanOrEqualTo(9);
    assertThat(unread).isEmpty();
  }

  @Test
  @SuppressWarnings("unchecked")
  void theKafkaClusterIdIsOneKafkaAccepts() throws IOException {
    Map<String, Object> environment = (Map<String, Object>) services().get("kafka").get("environment");
    String clusterId = (String) environment.get("CLUSTER_ID");
    assertThat(Uuid.fromString(clusterId).toString()).isEqualTo(clusterId);
  }

  @Test
  void onlyTheGatewayIsPublished() throws IOException {
    List<String> published = services().entrySet().stream()
        .filter(s -> s.getValue().containsKey("ports")).map(Map.Entry::getKey).toList();
    assertThat(published).containsExactly("gateway");
  }

  @Test
  @SuppressWarnings("unchecked")
  void onlyTheGatewayCanBeReachedFromOutsideTheInternalNetwork() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    Map<String, Map<String, Object>> networks = (Map<String, Map<String, Object>>) compose.get("networks");
    List<String> outside = services().entrySet().stream()
        .filter(s -> ((List<String>) s.getValue().get("networks")).stream()
            .anyMatch(n -> networks.get(n) == null || !Boolean.TRUE.equals(networks.get(n).get("internal"))))
        .map(Map.Entry::getKey).toList();
    assertThat(outside).containsExactly("gateway");
  }

  @Test
  void everyServiceIsBuiltFromItsOwnDockerfile() throws IOException {
    for (String module : List.of("intake-service", "dispatch-service", "feedback-service", "gateway")) {
      assertThat(ROOT.resolve(module + "/Dockerfile")).exists();
      assertThat(Files.readString(ROOT.resolve(module + "/Dockerfile"))).contains(module + "/target/" + module + ".jar");
    }
  }
}
