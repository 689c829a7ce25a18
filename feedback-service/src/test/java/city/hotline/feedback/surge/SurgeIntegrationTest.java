package city.hotline.feedback.surge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.kafka.EventCodec;
import city.hotline.testsupport.ServiceIntegrationTest;
import city.hotline.testsupport.ServiceTestSupport;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Surge detection in the running service, exactly once, against a real (embedded KRaft) broker. */
class SurgeIntegrationTest extends ServiceIntegrationTest {
  private static final String INTAKE = "hotline.intake.events";
  private static final String SURGES = "hotline.surge.events";
  /** The Streams application joins its group and opens its transactions after the service has started. */
  private static final Duration RUNNING = Duration.ofSeconds(60);
  private static final Duration FIRST_SURGE = Duration.ofSeconds(60);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired
  EventCodec codec;

  @Autowired
  MeterRegistry meters;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "surge-it");
  }

  @Override
  protected List<String> probedTopics() {
    return List.of(INTAKE);
  }

  private void register(String ticketId, String type, Instant at) {
    ComplaintRegistered registered = new ComplaintRegistered(new CaseFacts("XINZHOU", "GAS_SAFETY", "URGENT", null),
        "李四", "13900002222", false, "PHONE", type, "新洲大街1号", "楼道里燃气味很重", "operator", false, null, null,
        114.8012, 30.8423, null);
    probe.publish(INTAKE, ticketId,
        codec.encode(EventEnvelope.of(EventType.COMPLAINT_REGISTERED, ticketId, "intake-service", at, registered)));
  }

  @Test
  void sixGasCallsInOneDistrictPublishOneSurgeDetectedReadCommitted() {
    await().atMost(RUNNING).until(() -> meters.get("hotline.surge.detection.running").gauge().value() == 1);
    Instant now = Instant.now();
    register("WH20261207900000", Call.CONSULTATION, now);
    List<String> tickets = new ArrayList<>();
    for (int i = 1; i <= 6; i++) {
      tickets.add("WH2026120790000" + i);
      register(tickets.get(i - 1), "COMPLAINT", now.plusSeconds(i));
    }

    try (KafkaConsumer<String, String> committed = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "surge-it-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest",
        ConsumerConfig.ISOLATION_LEVEL_CONFIG, "read_committed"), new StringDeserializer(), new StringDeserializer())) {
      committed.subscribe(List.of(SURGES));
      List<JsonNode> events = new ArrayList<>();
      await().atMost(FIRST_SURGE).until(() -> {
        committed.poll(Duration.ofMillis(200)).forEach(r -> events.add(JSON.readTree(r.value())));
        return events.stream().anyMatch(e -> e.path("payload").path("count").asLong() == 6);
      });

      assertThat(events).extracting(e -> e.path("eventType").asString()).containsExactly("SurgeDetected", "SurgeGrew");
      JsonNode detected = events.get(0).path("payload");
      assertThat(detected.path("district").asString()).isEqualTo("XINZHOU");
      assertThat(detected.path("category").asString()).isEqualTo("GAS_SAFETY");
      assertThat(detected.path("kind").asString()).isEqualTo("DISTRICT");
      assertThat(detected.path("count").asLong()).isEqualTo(5);
      // The five that came in first: the intake topic's partitions (keyed by ticket) may deliver them in any order.
      assertThat(detected.path("tickets").valueStream().map(JsonNode::asString).toList()).hasSize(5)
          .isSubsetOf(tickets);
      assertThat(events.get(1).path("payload").path("tickets").valueStream().map(JsonNode::asString).toList())
          .isEqualTo(tickets);
    }
    // The alerts' listener reads the topic to its end, past the transactions' commit markers.
    await().atMost(WAIT).until(() -> probe.caughtUp("feedback-alerts", SURGES));
  }
}
