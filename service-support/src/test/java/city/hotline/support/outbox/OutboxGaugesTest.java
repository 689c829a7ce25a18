package city.hotline.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.HotlineProperties;
import city.hotline.support.kafka.EventCodec;
import city.hotline.testsupport.MongoWireTestServer;
import city.hotline.testsupport.MovableClock;
import com.mongodb.MongoClientSettings;
import com.mongodb.ConnectionString;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.errors.TimeoutException;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.KafkaTemplate;
import tools.jackson.databind.json.JsonMapper;

/** What an operator sees of the outbox while Kafka does not acknowledge, and once it does again. */
class OutboxGaugesTest {
  private static final Instant NOW = Instant.parse("2026-03-02T08:00:00Z");

  private final MongoWireTestServer store = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(MongoClientSettings.builder()
      .applyConnectionString(new ConnectionString(store.uri()))
      .applyToClusterSettings(b -> b.serverSelectionTimeout(300, TimeUnit.MILLISECONDS)).build());
  private final MongoDatabase database = client.getDatabase("outbox-gauges");
  private final MongoCollection<Document> cases = database.getCollection("cases");
  private final MovableClock clock = new MovableClock(NOW);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final EventCodec codec = new EventCodec(JsonMapper.builder().build());
  private final AtomicBoolean kafkaAcknowledges = new AtomicBoolean(false);
  @SuppressWarnings("unchecked")
  private final KafkaTemplate<String, String> kafka = mock(KafkaTemplate.class);
  private final HotlineProperties properties = new HotlineProperties("test-service", null,
      new HotlineProperties.Kafka("hotline.test.events", "hotline.test.dlt", List.of(), 1, (short) 1,
          Duration.ofSeconds(1), 2, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(2)),
      new HotlineProperties.Outbox(List.of("cases"), Duration.ofMinutes(1), Duration.ofSeconds(30),
          Duration.ofMillis(100), Duration.ofSeconds(1), 100));
  private final OutboxRelay relay =
      new OutboxRelay(kafka, codec, database, properties, registry, Tracer.NOOP, Propagator.NOOP, clock);
  private final OutboxGauges gauges = new OutboxGauges(database, List.of("cases"), Duration.ofSeconds(5), clock, registry);

  OutboxGaugesTest() {
    when(kafka.send(any(ProducerRecord.class))).thenAnswer(call -> kafkaAcknowledges.get()
        ? CompletableFuture.completedFuture(null)
        : CompletableFuture.failedFuture(new TimeoutException("no broker acknowledged")));
  }

  private boolean storeClosed;

  @AfterEach
  void close() {
    relay.stop();
    client.close();
    if (!storeClosed) {
      store.close();
    }
  }

  private double pending() {
    return registry.get(OutboxGauges.PENDING).tag("collection", "cases").gauge().value();
  }

  private double oldestAgeSeconds() {
    return registry.get(OutboxGauges.OLDEST_AGE).tag("collection", "cases").timeGauge().value();
  }

  private double counter(String name) {
    return registry.get(name).counter().count();
  }

  /** An entry written {@code ago} before NOW, about an event that happened a day before that. */
  private Document entry(String ticketId, Duration ago) {
    clock.at(NOW.minus(ago));
    Document entry = relay.entry(EventEnvelope.of(EventType.CASE_RESOLVED, ticketId, "test-service",
        NOW.minus(ago).minus(Duration.ofDays(1)),
        new CaseResolved(new CaseFacts("JIANGAN", "SANITATION", "NORMAL", "U"), "bureau", "done", true, null, null)));
    clock.at(NOW);
    return entry;
  }

  @Test
  void pendingEventsAndTheirGrowingAgeShowWhileKafkaDoesNotAcknowledgeAndDropToZeroOncePublished() {
    cases.insertOne(new Document("_id", "WH20260302000001").append(OutboxRelay.FIELD,
        List.of(entry("WH20260302000001", Duration.ofSeconds(10)), entry("WH20260302000001", Duration.ofSeconds(5)))));
    cases.insertOne(new Document("_id", "WH20260302000002").append(OutboxRelay.FIELD,
        List.of(entry("WH20260302000002", Duration.ofSeconds(2)))));
    cases.insertOne(new Document("_id", "WH20260302000003").append(OutboxRelay.FIELD, List.of()));
    assertThat(pending()).as("before the first sample").isZero();
    gauges.runNow();
    assertThat(pending()).isEqualTo(3);

    relay.start();
    relay.wake("cases", "WH20260302000001");
    relay.wake("cases", "WH20260302000002");
    await().atMost(Duration.ofSeconds(10)).until(() -> counter(OutboxRelay.PUBLISH_FAILURES) >= 2);
    gauges.runNow();
    assertThat(pending()).isEqualTo(3);
    assertThat(oldestAgeSeconds()).as("how long it has waited, not how old its event is").isEqualTo(10.0);
    clock.advance(Duration.ofSeconds(20));
    gauges.runNow();
    assertThat(oldestAgeSeconds()).as("the oldest event keeps getting older").isEqualTo(30.0);
    assertThat(counter(OutboxRelay.PUBLISHED)).isZero();

    kafkaAcknowledges.set(true);
    await().atMost(Duration.ofSeconds(10)).until(() -> counter(OutboxRelay.PUBLISHED) >= 3);
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      gauges.runNow();
      assertThat(pending()).isZero();
      assertThat(oldestAgeSeconds()).isZero();
    });
  }

  @Test
  void whileTheDatabaseIsAwayTheGaugesKeepTheirLastValuesAndTheSamplerCarriesOn() {
    cases.insertOne(new Document("_id", "WH20260302000004").append(OutboxRelay.FIELD,
        List.of(entry("WH20260302000004", Duration.ofSeconds(40)))));
    gauges.runNow();
    assertThat(pending()).isEqualTo(1);

    store.close();
    storeClosed = true;
    gauges.runNow();
    gauges.runNow();
    assertThat(pending()).isEqualTo(1);
    assertThat(oldestAgeSeconds()).isEqualTo(40.0);
  }
}
