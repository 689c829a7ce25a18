package city.hotline.dispatch;

import static org.awaitility.Awaitility.await;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.kafka.EventCodec;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.ServiceIntegrationTest;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicLong;
import org.springframework.beans.factory.annotation.Autowired;
import tools.jackson.databind.JsonNode;

/** Dispatch under test: registrations arrive as intake would publish them; cases are read through the API. */
public abstract class DispatchTestBase extends ServiceIntegrationTest {
  private static final AtomicLong SEQUENCE = new AtomicLong();

  @Autowired
  protected EventCodec codec;

  @Override
  protected List<String> probedTopics() {
    return List.of("hotline.dispatch.events");
  }

  protected static String nextTicketId() {
    return "WH20261123" + String.format("%06d", SEQUENCE.incrementAndGet());
  }

  protected String register(String district, String category, boolean confidential) {
    return register(district, category, "NORMAL", confidential);
  }

  protected String register(String district, String category, String urgency, boolean confidential) {
    String ticketId = nextTicketId();
    ComplaintRegistered payload = new ComplaintRegistered(new CaseFacts(district, category, urgency, null),
        "李四", "13912345678", confidential, "PHONE", "COMPLAINT", "解放大道1号", "井盖缺失", "operator", false, null, null,
        null, null, null);
    publish("hotline.intake.events", EventEnvelope.of(EventType.COMPLAINT_REGISTERED, ticketId, "intake-service",
        Instant.now(), payload));
    return ticketId;
  }

  protected void publish(String topic, EventEnvelope<?> event) {
    probe.publish(topic, event.ticketId(), codec.encode(event));
  }

  protected JsonNode awaitCase(String ticketId, String state) {
    await().atMost(WAIT).until(() -> caseOf(ticketId).path("state").asString().equals(state));
    return caseOf(ticketId);
  }

  protected JsonNode caseOf(String ticketId) {
    return as("DISPATCHER").get("/api/cases/" + ticketId).body();
  }

  protected List<String> eventTypes(String ticketId) {
    return probe.events(ticketId).stream().map(e -> e.path("eventType").asString()).toList();
  }

  /** The ticket numbers on one page of a queue as the given user sees it. */
  protected static List<String> queue(HttpJson user, String query) {
    return user.get("/api/cases" + query).body().path("items").valueStream()
        .map(c -> c.path("ticketId").asString()).toList();
  }

  protected void awaitInQueue(HttpJson user, String query, String ticketId) {
    await().atMost(WAIT).until(() -> queue(user, query).contains(ticketId));
  }
}
