package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.ConnectionString;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.kafka.common.Uuid;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml cannot be run here (no Docker engine), so it is kept correct by construction:
 * every variable it gives one of our services is one that service's configuration reads, only
 * the gateway publishes a port (and Prometheus, on this machine's loopback only), every database is a
 * replica set the services' writes can wait for (w: majority, j: true, SPEC §8.1) while Kafka's
 * producers wait for all in-sync replicas, and Prometheus scrapes every service where it serves its metrics.
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
  @SuppressWarnings("unchecked")
  void onlyTheGatewayIsPublishedAndPrometheusOnlyOnThisMachine() throws IOException {
    List<String> published = services().entrySet().stream()
        .filter(s -> s.getValue().containsKey("ports")).map(Map.Entry::getKey).toList();
    assertThat(published).containsExactly("gateway", "prometheus");
    // Prometheus has no authentication: published on the loopback address only
    assertThat((List<String>) services().get("prometheus").get("ports")).containsExactly("127.0.0.1:9090:9090");
  }

  @Test
  @SuppressWarnings("unchecked")
  void onlyTheGatewayAndPrometheusCanBeReachedFromOutsideTheInternalNetwork() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(ROOT.resolve("docker-compose.yml")));
    Map<String, Map<String, Object>> networks = (Map<String, Map<String, Object>>) compose.get("networks");
    List<String> outside = services().entrySet().stream()
        .filter(s -> ((List<String>) s.getValue().get("networks")).stream()
            .anyMatch(n -> networks.get(n) == null || !Boolean.TRUE.equals(networks.get(n).get("internal"))))
        .map(Map.Entry::getKey).toList();
    assertThat(outside).containsExactly("gateway", "prometheus");
    assertThat((List<String>) services().get("prometheus").get("networks")).as("to reach the services").contains("backend");
  }

  /**
   * The official image runs ops/prometheus/compose/prometheus.yml from the mounted ops/prometheus, so its rules are
   * the repository's alerts.yml; each service with a build is scraped at its name and the port it serves its
   * metrics on (the backends' own port, the gateway's management port), at /actuator/prometheus.
   */
  @Test
  @SuppressWarnings("unchecked")
  void prometheusScrapesEveryServiceWhereItServesItsMetricsWithTheRepositorysRules() throws IOException {
    Map<String, Object> prometheus = services().get("prometheus");
    assertThat(String.valueOf(prometheus.get("image"))).startsWith("prom/prometheus:");
    String mount = ((List<String>) prometheus.get("volumes")).stream()
        .filter(v -> v.startsWith("./ops/prometheus:")).findFirst().orElseThrow().split(":")[1];
    assertThat((List<String>) prometheus.get("command"))
        .contains("--config.file=" + mount + "/compose/prometheus.yml", "--storage.tsdb.path=/prometheus");
    Map<String, Object> config = new Yaml().load(Files.readString(ROOT.resolve("ops/prometheus/compose/prometheus.yml")));
    assertThat((List<String>) config.get("rule_files")).as("resolved from compose/, inside the mount")
        .containsExactly("../alerts.yml");

    Map<String, String> scraped = new TreeMap<>();
    for (Map<String, Object> job : (List<Map<String, Object>>) config.get("scrape_configs")) {
      assertThat(job.get("metrics_path")).as(job.get("job_name") + " metrics_path").isEqualTo("/actuator/prometheus");
      for (Map<String, Object> targets : (List<Map<String, Object>>) job.get("static_configs")) {
        for (String target : (List<String>) targets.get("targets")) {
          scraped.put(target.replaceFirst(":\\d+$", ""), target);
        }
      }
    }
    Map<String, String> expected = new TreeMap<>();
    for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
      if (service.getValue().containsKey("build")) {
        expected.put(service.getKey(), service.getKey() + ":" + metricsPortOf(service.getKey(), service.getValue()));
      }
    }
    assertThat(expected).hasSize(4);
    assertThat(scraped).isEqualTo(expected);
  }

  /** The gateway's management port as compose sets it, else the port the service's configuration defaults to. */
  @SuppressWarnings("unchecked")
  private static String metricsPortOf(String name, Map<String, Object> service) throws IOException {
    Map<String, Object> environment = (Map<String, Object>) service.getOrDefault("environment", Map.of());
    String variable = name.equals("gateway") ? "MANAGEMENT_PORT" : "SERVER_PORT";
    if (environment.containsKey(variable)) {
      return String.valueOf(environment.get(variable));
    }
    Matcher port = Pattern.compile("\\$\\{" + variable + ":(\\d+)}")
        .matcher(configurationOf(name));
    assertThat(port.find()).as(name + " reads " + variable + " with a default").isTrue();
    return port.group(1);
  }

  @Test
  void everyServiceIsBuiltFromItsOwnDockerfile() throws IOException {
    for (String module : List.of("intake-service", "dispatch-service", "feedback-service", "gateway")) {
      assertThat(ROOT.resolve(module + "/Dockerfile")).exists();
      assertThat(Files.readString(ROOT.resolve(module + "/Dockerfile"))).contains(module + "/target/" + module + ".jar");
    }
  }

  private static Map<String, Map<String, Object>> mongoServices() throws IOException {
    Map<String, Map<String, Object>> mongos = new TreeMap<>();
    services().forEach((name, service) -> {
      if (String.valueOf(service.get("image")).startsWith("mongo:")) {
        mongos.put(name, service);
      }
    });
    return mongos;
  }

  @SuppressWarnings("unchecked")
  private static String replicaSetOf(Map<String, Object> mongo) {
    List<String> command = (List<String>) mongo.getOrDefault("command", List.of());
    int flag = command.indexOf("--replSet");
    return flag < 0 || flag + 1 >= command.size() ? null : command.get(flag + 1);
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyMongoRunsAsAReplicaSetThatInitiatesItselfAsTheHostTheServicesUse() throws IOException {
    Map<String, Map<String, Object>> mongos = mongoServices();
    assertThat(mongos).containsOnlyKeys("intake-mongo", "dispatch-mongo", "feedback-mongo", "gateway-mongo");
    for (Map.Entry<String, Map<String, Object>> mongo : mongos.entrySet()) {
      assertThat(replicaSetOf(mongo.getValue())).as(mongo.getKey() + " --replSet").isNotBlank();
      Map<String, Object> environment = (Map<String, Object>) mongo.getValue().get("environment");
      // the member's host is the one the driver connects to after discovery: the service's own name on the network
      assertThat(environment).as(mongo.getKey()).containsEntry("REPLICA_SET_MEMBER", mongo.getKey() + ":27017");
      Map<String, Object> healthcheck = (Map<String, Object>) mongo.getValue().get("healthcheck");
      String check = String.join(" ", (List<String>) healthcheck.get("test"));
      assertThat(check).as(mongo.getKey() + " healthcheck")
          .contains("rs.initiate(", "_id: '" + replicaSetOf(mongo.getValue()) + "'",
              "process.env.REPLICA_SET_MEMBER", "isWritablePrimary", "quit(1)");
      assertThat((List<String>) mongo.getValue().get("volumes")).anyMatch(v -> v.endsWith(":/data/db"));
    }
  }

  @Test
  @SuppressWarnings("unchecked")
  void everyServicesDatabaseUriNamesItsReplicaSetAndTheServiceWaitsForIt() throws IOException {
    Map<String, Map<String, Object>> mongos = mongoServices();
    int checked = 0;
    for (Map.Entry<String, Map<String, Object>> service : services().entrySet()) {
      if (!service.getValue().containsKey("build")) {
        continue;
      }
      Map<String, Object> environment = (Map<String, Object>) service.getValue().get("environment");
      ConnectionString uri = new ConnectionString((String) environment.get("MONGODB_URI"));
      String mongo = uri.getHosts().get(0).replaceFirst(":\\d+$", "");
      assertThat(uri.getHosts()).as(service.getKey()).containsExactly(mongo + ":27017");
      assertThat(mongos).as(service.getKey()).containsKey(mongo);
      assertThat(uri.getRequiredReplicaSetName()).as(service.getKey() + " replicaSet")
          .isNotNull().isEqualTo(replicaSetOf(mongos.get(mongo)));
      // no w/journal in the URI: the services' own default, majority + journal, applies
      assertThat(uri.getWriteConcern()).as(service.getKey() + " write concern").isNull();
      Map<String, Map<String, Object>> dependsOn = (Map<String, Map<String, Object>>) service.getValue().get("depends_on");
      assertThat(dependsOn.get(mongo)).as(service.getKey() + " depends_on " + mongo)
          .containsEntry("condition", "service_healthy");
      checked++;
    }
    assertThat(checked).isEqualTo(4);
  }

  @Test
  @SuppressWarnings("unchecked")
  void kafkaProducersWaitForAllInSyncReplicasAndAreIdempotent() throws IOException {
    Map<String, Object> defaults = new Yaml().load(Files.readString(ROOT.resolve(SHARED_DEFAULTS)));
    Map<String, Object> producer = (Map<String, Object>)
        ((Map<String, Object>) ((Map<String, Object>) defaults.get("spring")).get("kafka")).get("producer");
    assertThat(String.valueOf(producer.get("acks"))).isEqualTo("all");
    assertThat(((Map<String, Object>) producer.get("properties")).get("enable.idempotence")).isEqualTo(true);
    for (String module : List.of("intake-service", "dispatch-service", "feedback-service")) {
      assertThat(Files.readString(ROOT.resolve(module + "/src/main/resources/application.yml")))
          .as(module).contains("hotline-defaults.yml").doesNotContain("acks:");
    }
  }
}
