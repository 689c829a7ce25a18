package city.hotline.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.support.security.ApiAccessRules;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.ServiceIntegrationTest;
import city.hotline.testsupport.ServiceTestSupport;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import io.micrometer.registry.otlp.OtlpMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.opentelemetry.sdk.trace.export.SpanExporter;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.SpringBootConfiguration;
import org.springframework.boot.autoconfigure.EnableAutoConfiguration;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.context.ApplicationContext;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.context.TestPropertySource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A service built from service-support and its hotline-defaults.yml, as an operator meets it: Prometheus
 * scrapes it without a token and finds the outbox, consumer-lag, dead-letter and request meters, each with
 * the service's name; a request's trace follows its event through the outbox and Kafka into the listener
 * and its log lines; nothing is exported over OTLP unless asked.
 */
@TestPropertySource(properties = {
    "spring.application.name=ops-test",
    "spring.config.import=classpath:hotline-defaults.yml",
    "hotline.kafka.topic=" + OperabilityTest.TOPIC,
    "hotline.kafka.consumes=" + OperabilityTest.TOPIC,
    "hotline.kafka.partitions=1",
    "hotline.outbox.collections=things",
    "hotline.metrics.outbox-interval=200ms",
    "hotline.metrics.consumer-lag-interval=300ms"})
@ExtendWith(OutputCaptureExtension.class)
class OperabilityTest extends ServiceIntegrationTest {
  static final String TOPIC = "hotline.ops-test.events";
  private static final JsonMapper JSON = JsonMapper.builder().build();

  @Autowired
  ApplicationContext context;

  @Autowired
  MongoDatabase database;

  @Autowired
  Listener listener;

  @Autowired
  OutboxRelay relay;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "ops-test");
  }

  @Override
  protected List<String> probedTopics() {
    return List.of(TOPIC);
  }

  private String scrape() {
    HttpJson.Download scrape = anonymous().download("/actuator/prometheus");
    assertThat(scrape.status()).as("no token needed on the service's own port").isEqualTo(200);
    return new String(scrape.body(), StandardCharsets.UTF_8);
  }

  /** The value of the sample of that name carrying every one of those labels, if the scrape has one. */
  private static Optional<Double> sample(String scrape, String name, Map<String, String> labels) {
    return scrape.lines()
        .filter(line -> line.startsWith(name + "{"))
        .filter(line -> labels.entrySet().stream().allMatch(l -> line.contains(l.getKey() + "=\"" + l.getValue() + "\"")))
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .findFirst();
  }

  @Test
  void prometheusFindsTheOutboxLagDeadLetterAndRequestMetersEachWithTheServicesName() {
    assertThat(anonymous().get("/actuator/health").status()).isEqualTo(200);
    await().atMost(WAIT).untilAsserted(() -> {
      String scrape = scrape();
      Map<String, String> service = Map.of("application", "ops-test");
      assertThat(sample(scrape, "hotline_outbox_pending_events", Map.of("application", "ops-test", "collection", "things")))
          .isPresent();
      assertThat(sample(scrape, "hotline_outbox_oldest_age_seconds", Map.of("collection", "things"))).isPresent();
      assertThat(sample(scrape, "hotline_outbox_published_total", service)).isPresent();
      assertThat(sample(scrape, "hotline_outbox_publish_failures_total", service)).contains(0.0);
      assertThat(sample(scrape, "hotline_dead_letters_total", Map.of("topic", "hotline.ops-test.dlt"))).contains(0.0);
      assertThat(sample(scrape, "hotline_kafka_consumer_lag",
          Map.of("application", "ops-test", "group", "ops-test", "topic", TOPIC, "partition", "0"))).isPresent();
      assertThat(sample(scrape, "hotline_kafka_consumer_lag",
          Map.of("group", OwnGroupListener.GROUP, "topic", TOPIC, "partition", "0")))
          .as("a listener with a group of its own is measured too").isPresent();
      assertThat(scrape).as("only the groups that exist").doesNotContain("group=\"ops-test-listener\"");
      assertThat(sample(scrape, "http_server_requests_seconds_bucket",
          Map.of("application", "ops-test", "uri", "/actuator/health", "le", "+Inf"))).isPresent();
    });
  }

  @Test
  void aRequestsTraceFollowsItsEventThroughTheOutboxAndKafkaIntoTheListenerAndItsLogLines(CapturedOutput output) {
    HttpJson.Reply reply = anonymous().withRequestId("ops-test-request-1").post("/things/WH20260302000101", "{}");
    assertThat(reply.status()).isEqualTo(200);
    String traceId = reply.body().path("traceId").asString();
    assertThat(reply.body().path("traceparent").asString()).as("the trace context stored with the outbox entry")
        .matches("00-" + traceId + "-[0-9a-f]{16}-01");

    await().atMost(WAIT).until(() -> !probe.events("WH20260302000101").isEmpty());
    ConsumerRecord<String, String> record = probe.records().stream()
        .filter(r -> "WH20260302000101".equals(r.key())).findFirst().orElseThrow();
    assertThat(header(record, OutboxRelay.TRACEPARENT)).as("the record continues the request's trace")
        .startsWith("00-" + traceId + "-");
    assertThat(header(record, "X-Request-Id")).isEqualTo("ops-test-request-1");

    await().atMost(WAIT).until(() -> listener.traceIds.contains(traceId));
    await().atMost(WAIT).untilAsserted(() -> assertThat(logLines(output))
        .filteredOn(line -> line.path("message").asString().equals("ops-test listener handled WH20260302000101"))
        .singleElement()
        .satisfies(line -> {
          assertThat(line.path("traceId").asString()).isEqualTo(traceId);
          assertThat(line.path("spanId").asString()).matches("[0-9a-f]{16}");
          assertThat(line.path("requestId").asString()).isEqualTo("ops-test-request-1");
        }));
    await().atMost(WAIT).untilAsserted(() -> assertThat(sample(scrape(), "spring_kafka_listener_seconds_count",
        Map.of("spring_kafka_listener_id", "ops-test-listener-0", "error", "none"))).hasValueSatisfying(
            count -> assertThat(count).isGreaterThanOrEqualTo(1.0)));
  }

  @Test
  void anEventWrittenBeforeEntriesKeptTheirTraceIsStillPublished() {
    Document entry = relay.entry(event("WH20260302000102"));
    assertThat(entry.containsKey(OutboxRelay.TRACEPARENT)).as("written outside any span").isFalse();
    database.getCollection("things").insertOne(new Document("_id", "WH20260302000102")
        .append(OutboxRelay.FIELD, List.of(entry)));
    relay.wake("things", "WH20260302000102");

    await().atMost(WAIT).until(() -> !probe.events("WH20260302000102").isEmpty());
    await().atMost(WAIT).until(() -> database.getCollection("things").find(Filters.eq("_id", "WH20260302000102"))
        .first().getList(OutboxRelay.FIELD, Document.class).isEmpty());
  }

  @Test
  void nothingIsExportedOverOtlpUnlessACollectorIsNamed() {
    assertThat(context.getBeanNamesForType(SpanExporter.class)).isEmpty();
    assertThat(context.getBeanNamesForType(OtlpMeterRegistry.class)).isEmpty();
  }

  private static String header(ConsumerRecord<String, String> record, String name) {
    Header header = record.headers().lastHeader(name);
    return header == null ? null : new String(header.value(), StandardCharsets.UTF_8);
  }

  private static List<JsonNode> logLines(CapturedOutput output) {
    return Arrays.stream(output.getOut().split("\\R"))
        .filter(line -> line.startsWith("{"))
        .map(JSON::readTree)
        .toList();
  }

  static EventEnvelope<CaseResolved> event(String ticketId) {
    return EventEnvelope.of(EventType.CASE_RESOLVED, ticketId, "ops-test", Instant.now(),
        new CaseResolved(new CaseFacts("JIANGAN", "SANITATION", "NORMAL", "U"), "bureau", "done", true, null, null));
  }

  /** The smallest service: one endpoint that writes a document with its event, and one listener. */
  @SpringBootConfiguration(proxyBeanMethods = false)
  @EnableAutoConfiguration
  @Import({SupportConfiguration.class, Things.class, Listener.class, OwnGroupListener.class})
  static class OpsTestService {
    @Bean
    ApiAccessRules thingsOpen() {
      return rules -> rules.requestMatchers("/things/**").permitAll();
    }
  }

  @RestController
  static class Things {
    private final OutboxRelay relay;
    private final MongoDatabase database;
    private final Tracer tracer;

    Things(OutboxRelay relay, MongoDatabase database, Tracer tracer) {
      this.relay = relay;
      this.database = database;
      this.tracer = tracer;
    }

    @PostMapping("/things/{id}")
    Map<String, String> register(@PathVariable String id) {
      Document entry = relay.entry(event(id));
      database.getCollection("things").insertOne(new Document("_id", id).append(OutboxRelay.FIELD, List.of(entry)));
      relay.wake("things", id);
      return Map.of("traceId", tracer.currentSpan().context().traceId(),
          "traceparent", String.valueOf(entry.getString(OutboxRelay.TRACEPARENT)));
    }
  }

  static class Listener {
    private static final Logger log = LoggerFactory.getLogger(Listener.class);
    final List<String> traceIds = new CopyOnWriteArrayList<>();
    private final Tracer tracer;

    Listener(Tracer tracer) {
      this.tracer = tracer;
    }

    @KafkaListener(id = "ops-test-listener", idIsGroup = false, topics = TOPIC)
    void on(ConsumerRecord<String, String> record) {
      Span span = tracer.currentSpan();
      traceIds.add(span == null ? "none" : span.context().traceId());
      log.info("ops-test listener handled {}", record.key());
    }
  }

  /** A listener whose id is its group, as feedback's and intake's own-group listeners are. */
  static class OwnGroupListener {
    static final String GROUP = "ops-test-own-group";

    @KafkaListener(id = GROUP, topics = TOPIC)
    void on(ConsumerRecord<String, String> record) {
      // only its group's lag matters here
    }
  }
}
