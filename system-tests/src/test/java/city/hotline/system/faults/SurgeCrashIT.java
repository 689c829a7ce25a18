package city.hotline.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.infra.EmbeddedSystem;
import city.hotline.infra.Settings;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * 突发预警 through a crash: twenty gas calls in one quiet district, the feedback service (where surge detection runs)
 * killed with SIGKILL just after the line was crossed and started again while the calls go on. Its state comes back
 * from the changelog, so the burst stays one surge: exactly one SurgeDetected read committed, and one alert listing
 * every call.
 */
class SurgeCrashIT {
  private static final String DISTRICT = "XINZHOU";   // 新洲区: no other fault test calls from there
  private static final String CATEGORY = "GAS_SAFETY"; // its line: 5 calls in an hour in a quiet district
  private static final String SURGES = "hotline.surge.events";
  private static final int CALLS = 20;
  private static final Duration WAIT = Duration.ofMinutes(3);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final EmbeddedSystem system = FaultSystem.get();
  private final Settings settings = FaultSystem.settings();

  @Test
  void aGasBurstThroughACrashOfTheFeedbackServiceIsOneSurgeAndOneAlert() {
    HttpJson operator = Reconciled.signIn(settings, "operator");
    List<String> tickets = new ArrayList<>();
    try (KafkaConsumer<String, String> committed = readCommitted()) {
      List<JsonNode> surge = new ArrayList<>();
      while (tickets.size() < 6) {
        tickets.add(register(operator, tickets.size()));
      }
      await().atMost(WAIT).until(() -> read(committed, surge).stream().anyMatch(e -> type(e).equals("SurgeDetected")));
      while (tickets.size() < 8) {
        tickets.add(register(operator, tickets.size()));
      }
      system.kill("feedback-service");
      while (tickets.size() < CALLS) {
        tickets.add(register(operator, tickets.size()));
      }
      system.up();

      await().atMost(WAIT).until(() -> read(committed, surge).stream()
          .anyMatch(e -> strings(e.path("payload").path("tickets")).containsAll(tickets)));
      assertThat(surge).filteredOn(e -> type(e).equals("SurgeDetected")).as("SurgeDetected of the burst").hasSize(1);
      assertThat(surge).extracting(SurgeCrashIT::type).as("one surge, grown").containsOnly("SurgeDetected", "SurgeGrew");
    }
    HttpJson leader = Reconciled.signIn(settings, "leader");
    await().atMost(WAIT).untilAsserted(() -> {
      List<JsonNode> alerts = leader.get("/api/dashboard/alerts").body().path("items").valueStream()
          .filter(a -> a.path("category").asString().equals(CATEGORY) && a.path("district").asString().equals(DISTRICT))
          .toList();
      assertThat(alerts).as("alerts for gas in 新洲区").hasSize(1);
      assertThat(strings(alerts.get(0).path("tickets"))).containsExactlyInAnyOrderElementsOf(tickets);
    });
  }

  private static String register(HttpJson operator, int n) {
    Reply reply = operator.post("/api/complaints", Map.of(
        "callerName", "测试", "callerPhone", "1370000%04d".formatted(n), "district", DISTRICT, "category", CATEGORY,
        "urgency", "URGENT", "address", "新洲区邾城街" + (n + 1) + "号", "description", "楼道里燃气味很重"));
    assertThat(reply.status()).as("registration %d", n).isEqualTo(201);
    return reply.body().path("ticketId").asString();
  }

  private KafkaConsumer<String, String> readCommitted() {
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers(),
        ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(SURGES));
    return consumer;
  }

  /** Adds what the topic holds for gas in the district (keys are surge ids, which name both) and returns it all. */
  private static List<JsonNode> read(KafkaConsumer<String, String> consumer, List<JsonNode> surge) {
    consumer.poll(Duration.ofMillis(500)).forEach(r -> {
      if (r.key().startsWith("SRG-" + CATEGORY + "-" + DISTRICT + "-")) {
        surge.add(JSON.readTree(r.value()));
      }
    });
    return surge;
  }

  private static String type(JsonNode event) {
    return event.path("eventType").asString();
  }

  private static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }
}
