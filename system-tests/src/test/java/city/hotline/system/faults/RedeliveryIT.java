package city.hotline.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.infra.Settings;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.TopicProbe;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;

/**
 * Consumers are idempotent: every record of the three event topics, from offset zero, is delivered again
 * (published a second time, same key, value and headers), and no case state and no figure changes.
 */
class RedeliveryIT {
  private static final List<String> TOPICS = List.of("hotline.intake.events", "hotline.dispatch.events",
      "hotline.feedback.events");
  private static final Duration CATCH_UP = Duration.ofMinutes(3);
  private static final int CALLS = 10;

  private final Settings settings = FaultSystem.settings();

  @Test
  void redeliveringEveryTopicFromOffsetZeroChangesNoStateAndNoFigure() throws Exception {
    HttpJson operator = Reconciled.signIn(settings, "operator");
    HttpJson dispatcher = Reconciled.signIn(settings, "dispatcher");
    HttpJson leader = Reconciled.signIn(settings, "leader");
    for (int i = 0; i < CALLS; i++) {
      assertThat(operator.post("/api/complaints", Map.of(
          "callerName", "测试", "callerPhone", "1370000%04d".formatted(i), "district", "HONGSHAN",
          "category", "STREET_LIGHTING", "urgency", "NORMAL",
          "address", "洪山区珞喻路" + i + "号", "description", "重投前第" + i + "号路灯")).status()).isEqualTo(201);
    }
    Reconciled.books(settings);
    awaitEveryGroupCaughtUp();
    Map<String, String> statesBefore = states(dispatcher);
    String summaryPath = "/api/dashboard/summary?from=" + LocalDate.now().minusDays(7) + "&to=" + LocalDate.now().plusDays(1);
    await().atMost(CATCH_UP).until(() -> leader.get(summaryPath).status() == 200);
    String figuresBefore = leader.get(summaryPath).raw();

    int redelivered = redeliverAll();

    assertThat(redelivered).as("registered and dispatched, at least").isGreaterThanOrEqualTo(2 * CALLS);
    awaitEveryGroupCaughtUp();
    Reconciled.books(settings);
    assertThat(states(dispatcher)).isEqualTo(statesBefore);
    await().atMost(Duration.ofSeconds(30)).untilAsserted(() ->
        assertThat(leader.get(summaryPath).raw()).isEqualTo(figuresBefore));
  }

  /** Every case's state, by ticket, as the dispatch desk sees it. */
  private Map<String, String> states(HttpJson dispatcher) {
    Map<String, String> states = new TreeMap<>();
    try (TopicProbe probe = new TopicProbe(settings.kafkaBootstrapServers(), "hotline.intake.events")) {
      await().atMost(CATCH_UP).until(probe::readToEnd);
      probe.records().stream().map(ConsumerRecord::key).distinct().forEach(t -> {
        var reply = dispatcher.get("/api/cases/" + t);
        states.put(t, reply.status() == 200 ? reply.body().path("state").asString() : "HTTP " + reply.status());
      });
    }
    return states;
  }

  private int redeliverAll() throws Exception {
    List<ConsumerRecord<String, String>> all = new ArrayList<>();
    try (TopicProbe probe = new TopicProbe(settings.kafkaBootstrapServers(), TOPICS.toArray(String[]::new))) {
      await().atMost(CATCH_UP).until(probe::readToEnd);
      all.addAll(probe.records());
    }
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer())) {
      for (ConsumerRecord<String, String> r : all) {
        producer.send(new ProducerRecord<>(r.topic(), r.partition(), r.key(), r.value(), r.headers()));
      }
      producer.flush();
    }
    return all.size();
  }

  private void awaitEveryGroupCaughtUp() throws Exception {
    Collection<String> groups;
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, settings.kafkaBootstrapServers()))) {
      groups = admin.listConsumerGroups().all().get().stream().map(ConsumerGroupListing::groupId)
          .filter(g -> !g.startsWith("probe-")).toList();
    }
    assertThat(groups).isNotEmpty();
    try (TopicProbe probe = new TopicProbe(settings.kafkaBootstrapServers(), TOPICS.get(0))) {
      await().atMost(CATCH_UP).pollInterval(Duration.ofSeconds(1)).until(() -> groups.stream().allMatch(probe::caughtUp));
    }
  }
}
