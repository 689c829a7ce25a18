package city.hotline.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.infra.DeadLetter;
import city.hotline.infra.DeadLetter.Coordinates;
import city.hotline.infra.DeadLetters;
import city.hotline.infra.Settings;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.TopicProbe;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.common.utils.Utils;
import org.junit.jupiter.api.Test;

/**
 * Poison messages (issue 7): records no consumer can read — malformed JSON, an unknown event type, a schema
 * version newer than the readers know — go to each consuming group's dead-letter topic with the error and origin in
 * headers, and every partition keeps flowing: calls registered behind them on the same partitions are dispatched.
 * {@code ./hotline dead-letters} lists them without showing their content and republishes a chosen one to its
 * original topic exactly once.
 */
class PoisonMessagesIT {
  private static final String INTAKE_EVENTS = "hotline.intake.events";
  /** Every consumer group that reads intake's events, by the dead-letter topic of its service. */
  private static final Map<String, List<String>> GROUPS_BY_DEAD_LETTER_TOPIC = Map.of(
      "hotline.dispatch-service.dlt", List.of("dispatch-service"),
      "hotline.feedback-service.dlt", List.of("feedback-statistics", "feedback-visits", "feedback-heat",
          "feedback-sms"),
      "hotline.intake-service.dlt", List.of("intake-duplicates", "intake-registration-replay", "intake-webhooks"));
  private static final String REJECTED = "city.hotline.support.kafka.EventRejectedException";
  private static final Duration WAIT = Duration.ofMinutes(2);
  private static final int MAX_CALLS = 60;
  /** In every poison record: the listing must never show it. */
  private static final String CALLER_NAME = "毒丸测试人";
  private static final String CALLER_PHONE = "13900007777";

  private enum Poison {
    MALFORMED("malformed event JSON"),
    UNKNOWN_TYPE("unknown event type 'CaseTeleported'"),
    NEWER_SCHEMA("ComplaintRegistered schema version 99 is not one this reader knows");

    final String reason;

    Poison(String reason) {
      this.reason = reason;
    }

    String value(String ticketId) {
      String payload = "{\"callerName\":\"" + CALLER_NAME + "\",\"callerPhone\":\"" + CALLER_PHONE + "\"}";
      String envelope = "{\"eventId\":\"%s\",\"eventType\":\"%s\",\"schemaVersion\":%d,\"occurredAt\":\"%s\","
          + "\"ticketId\":\"%s\",\"producer\":\"poison-test\",\"payload\":%s}";
      return switch (this) {
        case MALFORMED -> "{\"eventType\":\"ComplaintRegistered\",\"ticketId\":\"" + ticketId + "\",\"payload\":" + payload;
        case UNKNOWN_TYPE -> envelope.formatted(UUID.randomUUID(), "CaseTeleported", 1, Instant.now(), ticketId, payload);
        case NEWER_SCHEMA -> envelope.formatted(UUID.randomUUID(), "ComplaintRegistered", 99, Instant.now(), ticketId, payload);
      };
    }
  }

  private record Sent(Poison poison, String value) {}

  @Test
  void poisonIsDeadLetteredWithItsErrorAndOriginThePartitionsKeepFlowingAndADeadLetterIsRepublishedOnce() {
    Settings settings = FaultSystem.settings();
    String bootstrap = settings.kafkaBootstrapServers();
    HttpJson operator = Reconciled.signIn(settings, "operator");
    HttpJson dispatcher = Reconciled.signIn(settings, "dispatcher");
    String poisonTicket = "WH20991231" + "%06d".formatted(ThreadLocalRandom.current().nextInt(1_000_000));

    // Three poison records at the head of every partition of intake's events, keyed by a ticket.
    Map<Coordinates, Sent> poison = new LinkedHashMap<>();
    int partitions;
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer())) {
      partitions = producer.partitionsFor(INTAKE_EVENTS).size();
      for (int p = 0; p < partitions; p++) {
        for (Poison kind : Poison.values()) {
          String value = kind.value(poisonTicket);
          RecordMetadata sent = producer.send(new ProducerRecord<>(INTAKE_EVENTS, p, poisonTicket, value)).get();
          poison.put(new Coordinates(sent.topic(), sent.partition(), sent.offset()), new Sent(kind, value));
        }
      }
    } catch (Exception e) {
      throw new AssertionError("could not publish the poison", e);
    }
    assertThat(partitions).isGreaterThan(1);

    // Calls registered behind them, until every partition has one (the key is the ticket id).
    Map<String, Object> call = Map.of(
        "callerName", "吴静", "callerPhone", "13822223333", "district", "WUCHANG", "category", "SANITATION",
        "urgency", "NORMAL", "address", "武昌区中山路", "description", "垃圾桶满溢无人清运");
    List<String> tickets = new ArrayList<>();
    Set<Integer> covered = new HashSet<>();
    while (covered.size() < partitions && tickets.size() < MAX_CALLS) {
      Reply registered = operator.post("/api/complaints", call);
      assertThat(registered.status()).as("registration %d", tickets.size()).isEqualTo(201);
      String ticket = registered.body().path("ticketId").asString();
      tickets.add(ticket);
      covered.add(Utils.toPositive(Utils.murmur2(ticket.getBytes(StandardCharsets.UTF_8))) % partitions);
    }
    assertThat(covered).as("partitions with a call behind the poison").hasSize(partitions);

    await().atMost(WAIT).pollInterval(Duration.ofSeconds(2)).until(() ->
        tickets.stream().allMatch(t -> dispatcher.get("/api/cases/" + t).status() == 200));
    try (TopicProbe probe = new TopicProbe(bootstrap, INTAKE_EVENTS)) {
      for (List<String> groups : GROUPS_BY_DEAD_LETTER_TOPIC.values()) {
        for (String group : groups) {
          await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).alias("group " + group + " past every record")
              .until(() -> probe.caughtUp(group, INTAKE_EVENTS));
        }
      }
    }

    // Each group dead-lettered each poison record once, unchanged, with the reason and origin in headers.
    Map<String, List<ConsumerRecord<String, String>>> deadLettered = new HashMap<>();
    for (var entry : GROUPS_BY_DEAD_LETTER_TOPIC.entrySet()) {
      List<ConsumerRecord<String, String>> ours = readAll(bootstrap, entry.getKey()).stream()
          .filter(r -> poisonTicket.equals(r.key())).toList();
      deadLettered.put(entry.getKey(), ours);
      for (String group : entry.getValue()) {
        List<ConsumerRecord<String, String>> byGroup = ours.stream()
            .filter(r -> group.equals(header(r, DeadLetter.ORIGINAL_CONSUMER_GROUP))).toList();
        Map<Coordinates, ConsumerRecord<String, String>> byOrigin = new HashMap<>();
        for (ConsumerRecord<String, String> record : byGroup) {
          assertThat(header(record, DeadLetter.ORIGINAL_TOPIC)).isEqualTo(INTAKE_EVENTS);
          DeadLetter letter = DeadLetter.of(bytes(record));
          assertThat(letter.origin()).as("origin headers of %s", letter.at()).isPresent();
          byOrigin.put(letter.origin().get(), record);
        }
        assertThat(byGroup).as("dead letters of group %s in %s", group, entry.getKey()).hasSize(poison.size());
        assertThat(byOrigin.keySet()).as("origins in %s for %s", entry.getKey(), group).isEqualTo(poison.keySet());
        poison.forEach((origin, sent) -> {
          ConsumerRecord<String, String> record = byOrigin.get(origin);
          assertThat(record.value()).as("%s kept as it was", origin).isEqualTo(sent.value());
          assertThat(header(record, DeadLetter.EXCEPTION_MESSAGE)).as("reason for %s", origin).contains(sent.poison().reason);
          assertThat(header(record, DeadLetter.EXCEPTION_CAUSE_FQCN)).isEqualTo(REJECTED);
        });
      }
    }

    try (DeadLetters deadLetters = new DeadLetters(bootstrap)) {
      assertThat(deadLetters.deadLetterTopics()).containsAll(GROUPS_BY_DEAD_LETTER_TOPIC.keySet());

      // ./hotline dead-letters list: one line each, the error and origin, never the content.
      List<String> listing = deadLetters.listing(Optional.empty());
      List<String> ourLines = listing.stream().filter(line -> line.contains("key=" + poisonTicket)).toList();
      assertThat(ourLines).hasSize(poison.size() * GROUPS_BY_DEAD_LETTER_TOPIC.values().stream().mapToInt(List::size).sum());
      assertThat(listing).noneMatch(line -> line.contains(CALLER_NAME) || line.contains(CALLER_PHONE));
      Map.Entry<Coordinates, Sent> newer = poison.entrySet().stream()
          .filter(e -> e.getValue().poison() == Poison.NEWER_SCHEMA).findFirst().orElseThrow();
      ConsumerRecord<String, String> chosenRecord = deadLettered.get("hotline.dispatch-service.dlt").stream()
          .filter(r -> newer.getKey().equals(DeadLetter.of(bytes(r)).origin().orElse(null))).findFirst().orElseThrow();
      Coordinates chosen = new Coordinates(chosenRecord.topic(), chosenRecord.partition(), chosenRecord.offset());
      assertThat(ourLines).filteredOn(line -> line.startsWith(chosen + "  ")).singleElement().satisfies(line ->
          assertThat(line).contains(newer.getKey() + "  group=dispatch-service  key=" + poisonTicket)
              .contains("EventRejectedException: ").contains(Poison.NEWER_SCHEMA.reason)
              .contains("[eventType=ComplaintRegistered schemaVersion=99 eventId=")
              .doesNotContain("REPUBLISHED"));

      // ./hotline dead-letters republish <dlt>:<p>:<o>: back on the original topic, once.
      List<DeadLetters.Outcome> first = deadLetters.republish(List.of(chosen));
      assertThat(first).singleElement().satisfies(o -> assertThat(o.republished()).as(o.line()).isTrue());
      Coordinates copy = first.get(0).copy().orElseThrow();
      assertThat(copy.topic()).isEqualTo(INTAKE_EVENTS);
      assertThat(copy.partition()).as("the ticket's partition")
          .isEqualTo(Utils.toPositive(Utils.murmur2(poisonTicket.getBytes(StandardCharsets.UTF_8))) % partitions);

      // Again, or the same original from another group's dead-letter topic: refused.
      ConsumerRecord<String, String> sibling = deadLettered.get("hotline.feedback-service.dlt").stream()
          .filter(r -> newer.getKey().equals(DeadLetter.of(bytes(r)).origin().orElse(null))).findFirst().orElseThrow();
      Coordinates siblingAt = new Coordinates(sibling.topic(), sibling.partition(), sibling.offset());
      List<DeadLetters.Outcome> again = deadLetters.republish(List.of(chosen, siblingAt));
      assertThat(again).hasSize(2).allSatisfy(o -> {
        assertThat(o.republished()).as(o.line()).isFalse();
        assertThat(o.message()).contains("already republished from " + chosen + " as " + copy);
      });
      assertThat(deadLetters.notYetRepublished(Optional.of("hotline.dispatch-service.dlt"))).doesNotContain(chosen);

      List<ConsumerRecord<String, String>> copies = readAll(bootstrap, INTAKE_EVENTS).stream()
          .filter(r -> r.headers().lastHeader(DeadLetter.REPUBLISHED_FROM) != null
              && chosen.toString().equals(header(r, DeadLetter.REPUBLISHED_FROM))).toList();
      assertThat(copies).as("copies of %s on %s", chosen, INTAKE_EVENTS).singleElement().satisfies(r -> {
        assertThat(new Coordinates(r.topic(), r.partition(), r.offset())).isEqualTo(copy);
        assertThat(r.key()).isEqualTo(poisonTicket);
        assertThat(r.value()).isEqualTo(newer.getValue().value());
        assertThat(r.headers()).noneMatch(h -> h.key().startsWith(DeadLetter.DLT_HEADER_PREFIX));
      });

      // Still poison: dead-lettered again, saying it is a republished copy; the listing marks the original.
      await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).untilAsserted(() ->
          assertThat(deadLetters.read(Optional.of("hotline.dispatch-service.dlt")))
              .filteredOn(l -> l.origin().equals(Optional.of(copy))).singleElement()
              .satisfies(l -> assertThat(l.republishedFrom()).contains(chosen.toString())));
      assertThat(deadLetters.listing(Optional.of("hotline.dispatch-service.dlt")))
          .filteredOn(line -> line.startsWith(chosen + "  ")).singleElement()
          .satisfies(line -> assertThat(line).contains("  REPUBLISHED as " + copy + " at "));
      assertThat(deadLetters.listing(Optional.of("hotline.feedback-service.dlt")))
          .filteredOn(line -> line.startsWith(siblingAt + "  ")).singleElement()
          .satisfies(line -> assertThat(line).contains("  REPUBLISHED (from " + chosen + ") as " + copy));
    }

    Reconciled.books(settings);
  }

  /** The topic from the beginning to its current end, read by a consumer of no group. */
  private static List<ConsumerRecord<String, String>> readAll(String bootstrap, String topic) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false),
        new StringDeserializer(), new StringDeserializer())) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
      List<ConsumerRecord<String, String>> records = new ArrayList<>();
      Instant deadline = Instant.now().plus(WAIT);
      while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
        assertThat(Instant.now()).as("reading %s to its end", topic).isBefore(deadline);
        consumer.poll(Duration.ofMillis(200)).forEach(records::add);
      }
      return records;
    }
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static ConsumerRecord<byte[], byte[]> bytes(ConsumerRecord<String, String> record) {
    ConsumerRecord<byte[], byte[]> raw = new ConsumerRecord<>(record.topic(), record.partition(), record.offset(),
        record.key() == null ? null : record.key().getBytes(StandardCharsets.UTF_8),
        record.value() == null ? null : record.value().getBytes(StandardCharsets.UTF_8));
    record.headers().forEach(raw.headers()::add);
    return raw;
  }
}
