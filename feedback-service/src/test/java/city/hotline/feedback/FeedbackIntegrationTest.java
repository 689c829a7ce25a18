package city.hotline.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.contracts.CaseClaimed;
import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.CaseReturned;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.contracts.SurgeDetected;
import city.hotline.contracts.SurgeEnded;
import city.hotline.contracts.SurgeGrew;
import city.hotline.feedback.notification.InProcessSmsc;
import city.hotline.feedback.stats.StatsProgress;
import city.hotline.feedback.visit.OldRatingLinks;
import city.hotline.support.kafka.EventCodec;
import city.hotline.testsupport.EventStreamReader;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceIntegrationTest;
import city.hotline.testsupport.ServiceTestSupport;
import city.hotline.testsupport.TestTokens;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.bson.Document;
import org.jsmpp.util.DeliveryReceiptState;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Feedback against a real (embedded KRaft) Kafka broker and a Mongo-wire server: return visits, closing, figures. */
class FeedbackIntegrationTest extends ServiceIntegrationTest {
  private static final AtomicLong SEQUENCE = new AtomicLong();
  private static final List<String> TOPICS = List.of("hotline.intake.events", "hotline.dispatch.events", "hotline.feedback.events");

  @Autowired
  EventCodec codec;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "feedback-it");
    registry.add("hotline.visits.clock-interval", () -> "200ms");
    registry.add("hotline.visits.public-url", () -> "https://12345.example.gov.cn");
    registry.add("hotline.alerts.stream-heartbeat", () -> "1s");
    // 短信 through an SMS centre in this JVM (jsmpp's server side), drained, retried and re-bound at test pace; every
    // test's calls are then texted through it, which the SMS tests tell apart by the caller's number
    registry.add("hotline.sms.sender", () -> "smpp");
    registry.add("hotline.sms.retry-backoff", () -> "200ms");
    registry.add("hotline.sms.smpp.port", SMSC::port);
    registry.add("hotline.sms.drain-interval", () -> "100ms");
    registry.add("hotline.sms.wait-retry", () -> "100ms");
    registry.add("hotline.sms.smpp.reconnect-interval", () -> "200ms");
  }

  private static final InProcessSmsc SMSC = InProcessSmsc.start();

  @AfterAll
  void stopSmsc() throws Exception {
    SMSC.close();
  }

  @Autowired
  MongoDatabase database;

  @Override
  protected List<String> probedTopics() {
    return List.of("hotline.feedback.events");
  }

  /** The events a case sends feedback's way up to its resolution, as intake and dispatch would publish them. */
  private List<String[]> lifecycleUpToResolved(String ticketId, String district) {
    return lifecycleUpToResolved(ticketId, district, null);
  }

  /** @param visitDeadline the return-visit deadline dispatch would compute (null: as events from before it) */
  private List<String[]> lifecycleUpToResolved(String ticketId, String district, Instant visitDeadline) {
    CaseFacts registered = new CaseFacts(district, "SANITATION", "NORMAL", null);
    CaseFacts routed = new CaseFacts(district, "SANITATION", "NORMAL", district + "_CGJ");
    Instant t = Instant.now();
    List<String[]> events = new ArrayList<>();
    events.add(new String[] {"hotline.intake.events", codec.encode(EventEnvelope.of(EventType.COMPLAINT_REGISTERED,
        ticketId, "intake-service", t, new ComplaintRegistered(registered, "赵六", "13700001111", false, "PHONE",
            "COMPLAINT", "汉南大道", "垃圾堆积", "operator", false, null, null, null, null, null)))});
    events.add(new String[] {"hotline.dispatch.events", codec.encode(EventEnvelope.of(EventType.CASE_DISPATCHED,
        ticketId, "dispatch-service", t.plusSeconds(1), new CaseDispatched(routed, "区城管局", "rule", t.plusSeconds(7200),
            t.plusSeconds(432000), "system", CaseDispatched.ROUTED)))});
    events.add(new String[] {"hotline.dispatch.events", codec.encode(EventEnvelope.of(EventType.CASE_CLAIMED,
        ticketId, "dispatch-service", t.plusSeconds(2), new CaseClaimed(routed, "bureau", true)))});
    events.add(new String[] {"hotline.dispatch.events", codec.encode(EventEnvelope.of(EventType.CASE_RESOLVED,
        ticketId, "dispatch-service", t.plusSeconds(3), new CaseResolved(routed, "bureau", "已清运", true, t, visitDeadline)))});
    return events;
  }

  private String newTicket() {
    return "WH20261123" + String.format("%06d", SEQUENCE.incrementAndGet());
  }

  private void publish(String ticketId, List<String[]> events) {
    events.forEach(e -> probe.publish(e[0], ticketId, e[1]));
  }

  private void awaitVisitOpen(String ticketId) {
    await().atMost(WAIT).until(() -> as("OPERATOR").get("/api/visits?size=200").body().path("items").valueStream()
        .anyMatch(v -> v.path("ticketId").asString().equals(ticketId)));
  }

  private JsonNode summary(String district) {
    LocalDate today = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    return as("LEADER").get("/api/dashboard/summary?from=" + today + "&to=" + today + "&district=" + district).body();
  }

  @Autowired
  StatsProgress stats;

  @Autowired
  MeterRegistry meters;

  /** hotline_visits_closed_total of this outcome so far. */
  private double closedVisits(String outcome) {
    Counter counter = meters.find("hotline.visits.closed").tag("outcome", outcome).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Every record read by the statistics listener, rolled up, and on this replica's dashboard. */
  private void awaitAllCounted() {
    await().atMost(WAIT).until(() -> TOPICS.stream().allMatch(t -> probe.caughtUp("feedback-statistics", t))
        && stats.settled());
  }

  @Test
  void aSatisfiedRatingClosesTheCasePublishesCaseClosedAndCountsInTheFigures() {
    String ticketId = newTicket();
    publish(ticketId, lifecycleUpToResolved(ticketId, "HANNAN"));
    awaitVisitOpen(ticketId);
    double satisfiedBefore = closedVisits("SATISFIED");
    double dissatisfiedBefore = closedVisits("DISSATISFIED");

    Reply rated = as("OPERATOR").post("/api/visits/" + ticketId + "/attempts",
        Map.of("reached", true, "satisfaction", "SATISFIED", "score", 5, "solved", true));

    assertThat(rated.status()).isEqualTo(200);
    assertThat(rated.body().path("state").asString()).isEqualTo("CLOSED");
    await().atMost(WAIT).until(() -> probe.events(ticketId).stream()
        .anyMatch(e -> e.path("eventType").asString().equals("CaseClosed")
            && e.path("payload").path("outcome").asString().equals("SATISFIED")
            && e.path("payload").path("facts").path("unitId").asString().equals("HANNAN_CGJ")));
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode figures = summary("HANNAN");
      assertThat(figures.path("received").asLong()).isEqualTo(1);
      assertThat(figures.path("closed").asLong()).isEqualTo(1);
      assertThat(figures.path("closureRate").path("rate").asDouble()).isEqualTo(1.0);
      assertThat(figures.path("satisfactionRate").path("numerator").asLong()).isEqualTo(1);
      assertThat(figures.path("satisfactionRate").path("denominator").asLong()).isEqualTo(1);
      assertThat(figures.path("onTimeResolutionRate").path("rate").asDouble()).isEqualTo(1.0);
    });
    assertThat(as("OPERATOR").post("/api/visits/" + ticketId + "/attempts",
        Map.of("reached", true, "satisfaction", "DISSATISFIED")).status()).isEqualTo(409);
    assertThat(closedVisits("SATISFIED") - satisfiedBefore).as("closed once").isEqualTo(1.0);
    assertThat(closedVisits("DISSATISFIED")).as("the refused second verdict").isEqualTo(dissatisfiedBefore);
  }

  @Test
  void redeliveredEventsDoNotChangeTheFigures() {
    String ticketId = newTicket();
    List<String[]> events = lifecycleUpToResolved(ticketId, "CAIDIAN");
    publish(ticketId, events);
    publish(ticketId, events);
    awaitVisitOpen(ticketId);
    awaitAllCounted();

    JsonNode figures = summary("CAIDIAN");
    assertThat(figures.path("received").asLong()).isEqualTo(1);
    assertThat(figures.path("dispatched").asLong()).isEqualTo(1);
    assertThat(figures.path("resolved").asLong()).isEqualTo(1);
    assertThat(figures.path("resolutionRate").path("rate").asDouble()).isEqualTo(1.0);
    assertThat(figures.path("closureRate").path("numerator").asLong()).isZero();
  }

  /** Routed to the wrong bureau, returned, routed by hand to the right one: one case dispatched, once returned. */
  @Test
  void aCaseDispatchedAgainAfterAReturnCountsOnceWhereverItWent() {
    String ticketId = newTicket();
    List<String[]> events = lifecycleUpToResolved(ticketId, "HUANGPI");
    CaseFacts first = new CaseFacts("HUANGPI", "SANITATION", "NORMAL", "HUANGPI_CGJ");
    CaseFacts second = new CaseFacts("HUANGPI", "SANITATION", "NORMAL", "XINZHOU_CGJ");
    Instant t = Instant.now();
    events.add(1, new String[] {"hotline.dispatch.events", codec.encode(EventEnvelope.of(EventType.CASE_RETURNED,
        ticketId, "dispatch-service", t.plusMillis(1500), new CaseReturned(first, "bureau", "NOT_OUR_DISTRICT", "属新洲区", 1)))});
    events.add(2, new String[] {"hotline.dispatch.events", codec.encode(EventEnvelope.of(EventType.CASE_DISPATCHED,
        ticketId, "dispatch-service", t.plusMillis(1600), new CaseDispatched(second, "新洲区城管局", "MANUAL",
            t.plusSeconds(7200), t.plusSeconds(432000), "dispatcher", CaseDispatched.MANUAL)))});
    publish(ticketId, events);
    awaitVisitOpen(ticketId);
    awaitAllCounted();

    JsonNode figures = summary("HUANGPI");
    assertThat(figures.path("dispatched").asLong()).isEqualTo(1);
    assertThat(figures.path("returnRate").path("numerator").asLong()).isEqualTo(1);
    assertThat(figures.path("returnRate").path("denominator").asLong()).isEqualTo(1);
    assertThat(figures.path("resolutionRate").path("rate").asDouble()).isEqualTo(1.0);
  }

  /** 重办: dissatisfied twice sends the case back twice; the third dissatisfied rating closes it. */
  @Test
  void aDissatisfiedCitizenReopensTheCaseTwiceThenItClosesAsDissatisfied() {
    String ticketId = newTicket();
    List<String[]> events = lifecycleUpToResolved(ticketId, "JIANGXIA");
    publish(ticketId, events);
    String firstResolution = events.get(events.size() - 1)[1];
    CaseFacts routed = new CaseFacts("JIANGXIA", "SANITATION", "NORMAL", "JIANGXIA_CGJ");
    Map<String, Object> dissatisfied = Map.of("reached", true, "satisfaction", "DISSATISFIED", "comment", "垃圾还在");
    double dissatisfiedBefore = closedVisits("DISSATISFIED");
    for (int round = 1; round <= 3; round++) {
      awaitVisitOpen(ticketId);
      JsonNode visit = as("OPERATOR").post("/api/visits/" + ticketId + "/attempts", dissatisfied).body();
      if (round == 3) {
        assertThat(visit.path("state").asString()).isEqualTo("CLOSED");
        assertThat(visit.path("outcome").asString()).isEqualTo("DISSATISFIED");
        break;
      }
      assertThat(visit.path("state").asString()).isEqualTo("AWAITING_RESOLUTION");
      assertThat(visit.path("reopenCount").asInt()).isEqualTo(round);
      assertThat(closedVisits("DISSATISFIED")).as("重办 closes nothing").isEqualTo(dissatisfiedBefore);
      int expected = round;
      await().atMost(WAIT).until(() -> probe.events(ticketId).stream()
          .filter(e -> e.path("eventType").asString().equals("CaseReopened")).count() == expected);
      probe.publish("hotline.dispatch.events", ticketId, firstResolution); // the answer the citizen rejected, again
      await().atMost(WAIT).until(() -> probe.caughtUp("feedback-visits", "hotline.dispatch.events"));
      assertThat(as("OPERATOR").post("/api/visits/" + ticketId + "/attempts", dissatisfied).status())
          .as("no visit until the unit answers again").isEqualTo(409);
      probe.publish("hotline.dispatch.events", ticketId, codec.encode(EventEnvelope.of(EventType.CASE_RESOLVED,
          ticketId, "dispatch-service", Instant.now(), new CaseResolved(routed, "bureau", "已再次清运 " + round, true, null, null))));
    }
    await().atMost(WAIT).until(() -> probe.events(ticketId).stream()
        .anyMatch(e -> e.path("eventType").asString().equals("CaseClosed")));
    assertThat(probe.events(ticketId).stream().filter(e -> e.path("eventType").asString().equals("CaseReopened"))
        .map(e -> e.path("payload").path("reopenCount").asInt()).toList()).containsExactly(1, 2);
    assertThat(closedVisits("DISSATISFIED") - dissatisfiedBefore).isEqualTo(1.0);
  }

  @Test
  void threeUnansweredCallsCloseTheCaseAsUnreachableOutsideTheSatisfactionRate() {
    String ticketId = newTicket();
    publish(ticketId, lifecycleUpToResolved(ticketId, "XINZHOU"));
    awaitVisitOpen(ticketId);
    Map<String, Object> noAnswer = Map.of("reached", false);

    assertThat(as("OPERATOR").post("/api/visits/" + ticketId + "/attempts", noAnswer).body().path("state").asString()).isEqualTo("OPEN");
    assertThat(as("OPERATOR").post("/api/visits/" + ticketId + "/attempts", noAnswer).body().path("state").asString()).isEqualTo("OPEN");
    JsonNode third = as("OPERATOR").post("/api/visits/" + ticketId + "/attempts", noAnswer).body();
    assertThat(third.path("state").asString()).isEqualTo("CLOSED");
    assertThat(third.path("outcome").asString()).isEqualTo("UNREACHABLE");

    await().atMost(WAIT).untilAsserted(() -> assertThat(summary("XINZHOU").path("closed").asLong()).isEqualTo(1));
    assertThat(summary("XINZHOU").path("satisfactionRate").path("denominator").asLong()).isZero();
  }

  @Test
  void theQueueShowsOperatorsWhomToCallAndWhatTheUnitAnsweredOldestFirst() {
    String first = newTicket();
    String second = newTicket();
    publish(first, lifecycleUpToResolved(first, "HANYANG"));
    awaitVisitOpen(first);
    publish(second, lifecycleUpToResolved(second, "HANYANG"));
    awaitVisitOpen(second);

    JsonNode queue = as("OPERATOR").get("/api/visits?size=200").body();
    List<String> order = queue.path("items").valueStream().map(v -> v.path("ticketId").asString()).toList();
    assertThat(order.indexOf(first)).isLessThan(order.indexOf(second));
    assertThat(queue.path("total").asLong()).isGreaterThanOrEqualTo(2);
    JsonNode visit = queue.path("items").valueStream().filter(v -> v.path("ticketId").asString().equals(first))
        .findFirst().orElseThrow();
    assertThat(visit.path("callerPhone").asString()).isEqualTo("13700001111");
    assertThat(visit.path("description").asString()).isEqualTo("垃圾堆积");
    assertThat(visit.path("reply").asString()).isEqualTo("已清运");
    assertThat(visit.path("returnVisitDeadline").isNull()).isFalse();

    as("OPERATOR").post("/api/visits/" + first + "/attempts", Map.of("reached", true, "satisfaction", "SATISFIED"));
    assertThat(as("OPERATOR").get("/api/visits?size=200").body().path("items").valueStream()
        .map(v -> v.path("ticketId").asString())).doesNotContain(first).contains(second);
  }

  /** 评价链接: issued by an operator, opened by the citizen, used once. */
  @Test
  void aCitizenRatesOnceThroughTheirLinkAndTheCaseCloses() {
    String ticketId = newTicket();
    publish(ticketId, lifecycleUpToResolved(ticketId, "QINGSHAN"));
    awaitVisitOpen(ticketId);

    Reply issued = as("OPERATOR").post("/api/visits/" + ticketId + "/rating-link", Map.of());
    assertThat(issued.status()).isEqualTo(201);
    String url = issued.body().path("url").asString();
    assertThat(url).startsWith("https://12345.example.gov.cn/rate.html#");
    String token = url.substring(url.indexOf('#') + 1);
    assertThat(token).hasSize(43);
    double ratedBefore = closedVisits("BASICALLY_SATISFIED");

    JsonNode seen = anonymous().post("/api/public/ratings/lookup", Map.of("token", token)).body();
    assertThat(seen.path("ticketId").asString()).isEqualTo(ticketId);
    assertThat(seen.path("reply").asString()).isEqualTo("已清运");
    assertThat(seen.toString()).doesNotContain("13700001111").doesNotContain("赵六");

    Reply rated = anonymous().post("/api/public/ratings",
        Map.of("token", token, "satisfaction", "BASICALLY_SATISFIED", "score", 4, "solved", true, "comment", "还行"));
    assertThat(rated.status()).isEqualTo(200);
    assertThat(rated.body().path("outcome").asString()).isEqualTo("BASICALLY_SATISFIED");
    await().atMost(WAIT).until(() -> probe.events(ticketId).stream()
        .anyMatch(e -> e.path("eventType").asString().equals("CaseClosed")
            && e.path("payload").path("outcome").asString().equals("BASICALLY_SATISFIED")));

    Reply again = anonymous().post("/api/public/ratings", Map.of("token", token, "satisfaction", "DISSATISFIED"));
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(closedVisits("BASICALLY_SATISFIED") - ratedBefore).as("the link rated once").isEqualTo(1.0);
    JsonNode visit = as("OPERATOR").get("/api/visits/" + ticketId).body();
    assertThat(visit.path("attempts").valueStream().map(a -> a.path("channel").asString())).containsExactly("LINK");
    assertThat(visit.path("ratingLink").path("used").asBoolean()).isTrue();
  }

  @Test
  void aLinkThatExpiredOrWasReplacedNoLongerRatesAndAGuessedOneIsUnknown() {
    String ticketId = newTicket();
    publish(ticketId, lifecycleUpToResolved(ticketId, "DONGXIHU"));
    awaitVisitOpen(ticketId);
    String firstUrl = as("OPERATOR").post("/api/visits/" + ticketId + "/rating-link", Map.of()).body().path("url").asString();
    String secondUrl = as("OPERATOR").post("/api/visits/" + ticketId + "/rating-link", Map.of()).body().path("url").asString();
    String first = firstUrl.substring(firstUrl.indexOf('#') + 1);
    String second = secondUrl.substring(secondUrl.indexOf('#') + 1);

    assertThat(anonymous().post("/api/public/ratings", Map.of("token", first, "satisfaction", "SATISFIED")).status())
        .as("replaced by the second link").isEqualTo(410);
    // The link's seven days pass (its expiry moved into the past in the store).
    database.getCollection("visits").updateOne(Filters.eq("_id", ticketId),
        Updates.set("ratingLink.expiresAt", Date.from(Instant.now().minusSeconds(1))));
    Reply expired = anonymous().post("/api/public/ratings", Map.of("token", second, "satisfaction", "SATISFIED"));
    assertThat(expired.status()).isEqualTo(410);
    assertThat(expired.body().path("detail").asString()).contains("过期");
    assertThat(anonymous().post("/api/public/ratings/lookup", Map.of("token", "A".repeat(43))).status()).isEqualTo(404);
    assertThat(anonymous().post("/api/public/ratings/lookup", Map.of("token", "../../etc")).status()).isEqualTo(404);
    Reply missing = anonymous().post("/api/public/ratings", Map.of("token", second));
    assertThat(missing.status()).isEqualTo(400);
    assertThat(missing.body().path("errors").valueStream().map(e -> e.path("field").asString())).containsExactly("satisfaction");
    assertThat(as("OPERATOR").get("/api/visits/" + ticketId).body().path("state").asString()).isEqualTo("OPEN");
  }

  /** No rating by the return-visit deadline (3 working days, computed by dispatch): closed as NO_RESPONSE. */
  @Test
  void aVisitNobodyAnsweredByItsDeadlineClosesAsNoResponseCountedClosedButNotRated() {
    double noResponseBefore = closedVisits("NO_RESPONSE");
    String ticketId = newTicket();
    publish(ticketId, lifecycleUpToResolved(ticketId, "EAST_LAKE_SCENIC", Instant.now().plusSeconds(2)));
    awaitVisitOpen(ticketId);
    assertThat(as("OPERATOR").post("/api/visits/" + ticketId + "/attempts", Map.of("reached", false)).status())
        .isEqualTo(200);

    await().atMost(WAIT).until(() -> probe.events(ticketId).stream()
        .anyMatch(e -> e.path("eventType").asString().equals("CaseClosed")
            && e.path("payload").path("outcome").asString().equals("NO_RESPONSE")));
    JsonNode visit = as("OPERATOR").get("/api/visits/" + ticketId).body();
    assertThat(visit.path("state").asString()).isEqualTo("CLOSED");
    assertThat(visit.path("outcome").asString()).isEqualTo("NO_RESPONSE");
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode figures = summary("EAST_LAKE_SCENIC");
      assertThat(figures.path("closed").asLong()).isEqualTo(1);
      assertThat(figures.path("satisfactionRate").path("denominator").asLong()).isZero();
    });
    assertThat(probe.events(ticketId).stream().filter(e -> e.path("eventType").asString().equals("CaseClosed")))
        .hasSize(1);
    // closed once, however many of the clock's passes (every 200 ms here) found it due before that
    await().atMost(WAIT).during(Duration.ofMillis(600))
        .until(() -> closedVisits("NO_RESPONSE") - noResponseBefore == 1.0);
    assertThat(meters.get("hotline.clock.interval").tag("clock", "visit-no-response").timeGauge().value())
        .as("its freshness is judged against hotline.visits.clock-interval").isEqualTo(0.2);
  }

  @Test
  void ratingACaseThatIsNotResolvedYetIs409AndAnUnknownOneIs404() {
    String ticketId = newTicket();
    probe.publish("hotline.intake.events", ticketId, lifecycleUpToResolved(ticketId, "HUANGPI").get(0)[1]);
    await().atMost(WAIT).until(() -> probe.caughtUp("feedback-visits", "hotline.intake.events"));

    Reply early = as("OPERATOR").post("/api/visits/" + ticketId + "/attempts", Map.of("reached", true, "satisfaction", "SATISFIED"));
    assertThat(early.status()).isEqualTo(409);
    assertThat(early.contentType()).startsWith("application/problem+json");
    assertThat(as("OPERATOR").post("/api/visits/WH20000101000000/attempts", Map.of("reached", false)).status()).isEqualTo(404);
  }

  @Test
  void aMalformedAttemptNamesTheField() {
    Reply reply = as("OPERATOR").post("/api/visits/WH20000101000000/attempts", Map.of("score", 9));
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
        .containsExactlyInAnyOrder("reached", "score");
  }

  @Test
  void anUnknownSatisfactionIsReportedWithTheOtherBrokenRulesNamingTheAllowedOnes() {
    String allowed = "must be one of SATISFIED, BASICALLY_SATISFIED, DISSATISFIED, not \"HAPPY\"";
    Reply attempt = as("OPERATOR").post("/api/visits/WH20000101000000/attempts",
        Map.of("satisfaction", "HAPPY", "score", 9));
    assertThat(attempt.status()).isEqualTo(400);
    assertThat(errors(attempt)).containsOnlyKeys("reached", "satisfaction", "score").containsEntry("satisfaction", allowed);

    Reply rating = anonymous().post("/api/public/ratings", Map.of("satisfaction", "HAPPY", "score", 9));
    assertThat(rating.status()).isEqualTo(400);
    assertThat(errors(rating)).containsOnlyKeys("token", "satisfaction", "score").containsEntry("satisfaction", allowed);
  }

  private static Map<String, String> errors(Reply reply) {
    return reply.body().path("errors").valueStream()
        .collect(Collectors.toMap(e -> e.path("field").asString(), e -> e.path("message").asString()));
  }

  @Test
  void returnVisitsAreForOperatorsAndFiguresForLeaders() {
    assertThat(as("LEADER").get("/api/visits").status()).isEqualTo(403);
    assertThat(as("BUREAU", "JIANGAN_CGJ").post("/api/visits/WH20000101000000/attempts", Map.of("reached", false)).status())
        .isEqualTo(403);
    assertThat(as("OPERATOR").get("/api/dashboard/summary").status()).isEqualTo(403);
    assertThat(as("BUREAU", "JIANGAN_CGJ").get("/api/dashboard/summary").status()).isEqualTo(403);
    assertThat(anonymous().get("/api/dashboard/summary").status()).isEqualTo(401);
    assertThat(as("LEADER").get("/api/dashboard/summary").status()).isEqualTo(200);
  }

  @Autowired
  OldRatingLinks oldLinks;

  /**
   * Upgrade from before issue 22: a visit as that version kept it (no linkHashes, no reopenCount, its links in
   * rating_links) is found by its current link, which rates, while the link it replaced is still told apart.
   */
  @Test
  void aLinkIssuedBeforeIssue22StillRates() {
    String ticketId = newTicket();
    publish(ticketId, lifecycleUpToResolved(ticketId, "HONGSHAN"));
    awaitVisitOpen(ticketId);
    String replaced = "r".repeat(43);
    String current = "c".repeat(43);
    Date now = new Date();
    MongoCollection<Document> visits = database.getCollection("visits");
    Document old = visits.find(Filters.eq("_id", ticketId)).first();
    old.remove("linkHashes");
    old.remove("reopenCount");
    old.put("ratingLink", new Document("hash", sha256(current))
        .append("expiresAt", Date.from(Instant.now().plus(Duration.ofDays(7)))).append("issuedAt", now)
        .append("issuedBy", "operator"));
    visits.replaceOne(Filters.eq("_id", ticketId), old);
    database.getCollection("rating_links").insertMany(List.of(
        new Document("_id", sha256(replaced)).append("ticketId", ticketId).append("at", now),
        new Document("_id", sha256(current)).append("ticketId", ticketId).append("at", now)));
    assertThat(anonymous().post("/api/public/ratings/lookup", Map.of("token", current)).status())
        .as("before the start-up pass").isEqualTo(404);

    assertThat(oldLinks.keep()).as("at start").isEqualTo(2);
    assertThat(oldLinks.keep()).as("a second start").isZero();

    assertThat(anonymous().post("/api/public/ratings", Map.of("token", replaced, "satisfaction", "SATISFIED")).status())
        .as("replaced").isEqualTo(410);
    Reply rated = anonymous().post("/api/public/ratings", Map.of("token", current, "satisfaction", "SATISFIED"));
    assertThat(rated.status()).isEqualTo(200);
    assertThat(rated.body().path("outcome").asString()).isEqualTo("SATISFIED");
  }

  private void publishSurge(EventType type, String surgeId, Object payload) {
    probe.publish("hotline.surge.events", surgeId, codec.encode(EventEnvelope.of(type, surgeId, "feedback-service",
        Instant.now(), payload)));
  }

  /** The alert in the list asked for, as a leader sees it. */
  private Optional<JsonNode> listedAlert(String query, String id) {
    return as("LEADER").get("/api/dashboard/alerts" + query).body().path("items").valueStream()
        .filter(a -> a.path("id").asString().equals(id)).findFirst();
  }

  private double openStreams() {
    return meters.get("hotline.alerts.streams").gauge().value();
  }

  private static boolean streamed(EventStreamReader stream, String id, String state) {
    return stream.data("alert").stream()
        .anyMatch(a -> a.path("id").asString().equals(id) && a.path("state").asString().equals(state));
  }

  /** 突发预警 (SPEC §8.5): the surge detection's events become an alert the desk and the leaders see live. */
  @Test
  void aSurgeAlertIsListedStreamedAcknowledgedByTheDeskAndEnds() {
    String surgeId = "SRG-GAS_SAFETY-HANNAN-20261207T2231-" + String.format("%08x", SEQUENCE.incrementAndGet());
    Instant at = Instant.now();
    List<String> calls = List.of(newTicket(), newTicket(), newTicket(), newTicket(), newTicket());
    double streamsBefore = openStreams();
    try (EventStreamReader stream = new EventStreamReader("http://localhost:" + port + "/api/dashboard/alerts/stream",
        TestTokens.token("dispatcher", null, "DISPATCHER"))) {
      assertThat(stream.status()).isEqualTo(200);
      assertThat(stream.contentType()).startsWith("text/event-stream");

      publishSurge(EventType.SURGE_DETECTED, surgeId, new SurgeDetected(surgeId, "DISTRICT", "GAS_SAFETY", "HANNAN",
          null, at.minus(Duration.ofHours(1)), at, 5, 1.25, 5, at, calls));
      JsonNode opened = await().atMost(WAIT).until(() -> listedAlert("", surgeId), Optional::isPresent).orElseThrow();
      assertThat(opened.path("state").asString()).isEqualTo("OPEN");
      assertThat(opened.path("categoryName").asString()).isEqualTo("燃气安全");
      assertThat(opened.path("districtName").asString()).isEqualTo("汉南区");
      assertThat(opened.path("cellCentre").isNull()).isTrue();
      assertThat(opened.path("tickets").valueStream().map(JsonNode::asString).toList()).isEqualTo(calls);
      assertThat(opened.path("ticketLimit").asInt()).as("hotline.surge.max-calls: the most calls listed").isEqualTo(500);
      await().atMost(WAIT).until(() -> streamed(stream, surgeId, "OPEN"));

      String sixth = newTicket();
      SurgeGrew grew = new SurgeGrew(surgeId, at.minus(Duration.ofMinutes(59)), at.plusSeconds(60), 6,
          List.of(calls.get(1), calls.get(2), calls.get(3), calls.get(4), sixth));
      publishSurge(EventType.SURGE_GREW, surgeId, grew);
      publishSurge(EventType.SURGE_GREW, surgeId, grew); // redelivered
      await().atMost(WAIT).until(() -> listedAlert("", surgeId).orElseThrow().path("count").asLong() == 6);
      await().atMost(WAIT).until(() -> probe.caughtUp("feedback-alerts", "hotline.surge.events"));
      assertThat(listedAlert("", surgeId).orElseThrow().path("tickets").size()).as("every call, once").isEqualTo(6);

      Reply acknowledged = as("DISPATCHER").post("/api/dashboard/alerts/" + surgeId + "/acknowledge", "");
      assertThat(acknowledged.status()).isEqualTo(200);
      assertThat(acknowledged.body().path("state").asString()).isEqualTo("ACKNOWLEDGED");
      assertThat(acknowledged.body().path("acknowledgedBy").asString()).isEqualTo("dispatcher");
      Reply again = as("LEADER").post("/api/dashboard/alerts/" + surgeId + "/acknowledge", "");
      assertThat(again.status()).isEqualTo(200);
      assertThat(again.body().path("acknowledgedBy").asString()).as("the first stays on record").isEqualTo("dispatcher");
      await().atMost(WAIT).until(() -> streamed(stream, surgeId, "ACKNOWLEDGED"));

      publishSurge(EventType.SURGE_ENDED, surgeId, new SurgeEnded(surgeId, at.plus(Duration.ofHours(1)), 6, List.of()));
      JsonNode ended = await().atMost(WAIT).until(() -> listedAlert("?state=ended", surgeId), Optional::isPresent)
          .orElseThrow();
      assertThat(ended.path("acknowledgedBy").asString()).isEqualTo("dispatcher");
      assertThat(listedAlert("", surgeId)).as("no longer to be worked on").isEmpty();
      await().atMost(WAIT).until(() -> streamed(stream, surgeId, "ENDED"));
      assertThat(stream.lines()).as("server-sent events as the pages parse them")
          .contains("event:alert").anyMatch(line -> line.startsWith("data:{\"id\":\"" + surgeId + "\""));
      await().atMost(WAIT).until(() -> stream.lines().contains(":heartbeat"));
      assertThat(openStreams()).isEqualTo(streamsBefore + 1);
    }
    await().atMost(WAIT).until(() -> openStreams() == streamsBefore); // the page left: its stream is dropped
    Reply late = as("DISPATCHER").post("/api/dashboard/alerts/" + surgeId + "/acknowledge", "");
    assertThat(late.status()).isEqualTo(409);
    assertThat(late.contentType()).startsWith("application/problem+json");
  }

  @Test
  void aCellSurgeShowsItsCellAndAnEventForAnUnknownAlertOpensNone() {
    String surgeId = "SRG-DRAINAGE-HONGSHAN-E114.37N30.51-" + String.format("%08x", SEQUENCE.incrementAndGet());
    String unknown = "SRG-UNKNOWN-" + String.format("%08x", SEQUENCE.incrementAndGet());
    Instant at = Instant.now();
    publishSurge(EventType.SURGE_GREW, unknown, new SurgeGrew(unknown, at, at, 9, List.of(newTicket())));
    publishSurge(EventType.SURGE_DETECTED, surgeId, new SurgeDetected(surgeId, "CELL", "DRAINAGE", "HONGSHAN",
        "E114.37N30.51", at.minus(Duration.ofHours(1)), at, 5, 0.5, 5, at, List.of(newTicket())));

    JsonNode cell = await().atMost(WAIT).until(() -> listedAlert("?state=open", surgeId), Optional::isPresent)
        .orElseThrow();
    assertThat(cell.path("kind").asString()).isEqualTo("CELL");
    assertThat(cell.path("cell").asString()).isEqualTo("E114.37N30.51");
    assertThat(cell.path("cellCentre").path("longitude").asDouble()).isEqualTo(114.375);
    assertThat(cell.path("cellCentre").path("latitude").asDouble()).isEqualTo(30.515);
    await().atMost(WAIT).until(() -> probe.caughtUp("feedback-alerts", "hotline.surge.events"));
    assertThat(listedAlert("?state=open", unknown)).as("a SurgeGrew opens no alert").isEmpty();
    assertThat(as("DISPATCHER").post("/api/dashboard/alerts/" + unknown + "/acknowledge", "").status()).isEqualTo(404);
    Reply badState = as("LEADER").get("/api/dashboard/alerts?state=closed");
    assertThat(badState.status()).isEqualTo(400);
    assertThat(badState.body().path("errors").get(0).path("field").asString()).isEqualTo("state");
  }

  @Test
  void alertsAreForLeadersAndTheDeskTheRestOfTheDashboardForLeaders() {
    assertThat(as("DISPATCHER").get("/api/dashboard/alerts").status()).isEqualTo(200);
    assertThat(as("DISPATCHER").get("/api/dashboard/summary").status()).isEqualTo(403);
    assertThat(as("DISPATCHER").get("/api/dashboard/heat").status()).isEqualTo(403);
    assertThat(as("BUREAU", "JIANGAN_CGJ").get("/api/dashboard/alerts").status()).isEqualTo(403);
    assertThat(as("BUREAU", "JIANGAN_CGJ").post("/api/dashboard/alerts/SRG-X/acknowledge", "").status()).isEqualTo(403);
    assertThat(as("OPERATOR").get("/api/dashboard/alerts/stream").status()).isEqualTo(403);
    assertThat(anonymous().get("/api/dashboard/alerts").status()).isEqualTo(401);
  }

  private void register(String ticketId, Instant at, String category, Double longitude, Double latitude) {
    probe.publish("hotline.intake.events", ticketId, codec.encode(EventEnvelope.of(EventType.COMPLAINT_REGISTERED,
        ticketId, "intake-service", at, new ComplaintRegistered(new CaseFacts("JIANGAN", category, "NORMAL", null),
            "赵六", "13700001111", false, "PHONE", "COMPLAINT", "沿江大道", "燃气味", "operator", false, null, null,
            longitude, latitude, null))));
  }

  private JsonNode heat(String query) {
    Reply reply = as("LEADER").get("/api/dashboard/heat?" + query);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return reply.body();
  }

  /** Count per cell, the hottest first. */
  private static Map<String, Long> counts(JsonNode heat) {
    return heat.path("points").valueStream().collect(Collectors.toMap(p -> p.path("cell").asString(),
        p -> p.path("count").asLong(), Long::sum, LinkedHashMap::new));
  }

  /** 热力图: calls with a map point per grid cell, on the city's calendar day, each counted once. */
  @Test
  void theHeatLayerCountsCallsWithAMapPointPerCellOnTheDaysAsked() {
    LocalDate day1 = LocalDate.of(2025, 3, 10);
    LocalDate day2 = day1.plusDays(1);
    ZoneId city = ZoneId.of("Asia/Shanghai");
    String first = newTicket();
    register(first, day1.atTime(9, 0).atZone(city).toInstant(), "GAS_SAFETY", 114.3012, 30.5821);
    register(newTicket(), day1.atTime(10, 0).atZone(city).toInstant(), "GAS_SAFETY", 114.3055, 30.5899);
    register(newTicket(), day2.atTime(0, 10).atZone(city).toInstant(), "GAS_SAFETY", 114.3012, 30.5821);
    register(newTicket(), day2.atTime(9, 0).atZone(city).toInstant(), "SANITATION", 114.2801, 30.5901);
    register(newTicket(), day2.atTime(9, 5).atZone(city).toInstant(), "SANITATION", null, null);
    register(first, day1.atTime(9, 0).atZone(city).toInstant(), "GAS_SAFETY", 114.3012, 30.5821); // redelivered
    await().atMost(WAIT).until(() -> probe.caughtUp("feedback-heat", "hotline.intake.events"));

    JsonNode both = heat("from=" + day1 + "&to=" + day2);
    assertThat(both.path("cellDegrees").asDouble()).isEqualTo(0.01);
    assertThat(counts(both)).containsExactly(Map.entry("E114.30N30.58", 3L), Map.entry("E114.28N30.59", 1L));
    JsonNode hottest = both.path("points").get(0);
    assertThat(hottest.path("longitude").asDouble()).isEqualTo(114.305);
    assertThat(hottest.path("latitude").asDouble()).isEqualTo(30.585);
    assertThat(counts(heat("from=" + day2 + "&to=" + day2)))
        .as("00:10 in Wuhan is the second day").containsOnly(Map.entry("E114.30N30.58", 1L), Map.entry("E114.28N30.59", 1L));
    assertThat(counts(heat("from=" + day1 + "&to=" + day2 + "&category=SANITATION")))
        .containsOnly(Map.entry("E114.28N30.59", 1L));
    assertThat(heat("from=" + day1 + "&to=" + day2 + "&district=WUCHANG").path("points").isEmpty()).isTrue();
    Reply bad = as("LEADER").get("/api/dashboard/heat?from=" + day2 + "&to=" + day1 + "&district=MARS");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").valueStream().map(e -> e.path("field").asString()))
        .containsExactlyInAnyOrder("from", "district");
  }

  // ---- 短信: citizens' texts ----

  private static final AtomicLong PHONES = new AtomicLong(13912340000L);

  /** A registration event from this caller; its event id names the registration text. */
  private EventEnvelope<ComplaintRegistered> registration(String ticketId, String phone, boolean confidential,
      Boolean smsOptOut) {
    return registration(ticketId, phone, confidential, smsOptOut, Instant.now());
  }

  private EventEnvelope<ComplaintRegistered> registration(String ticketId, String phone, boolean confidential,
      Boolean smsOptOut, Instant at) {
    return EventEnvelope.of(EventType.COMPLAINT_REGISTERED, ticketId, "intake-service", at,
        new ComplaintRegistered(new CaseFacts("JIANGXIA", "SANITATION", "NORMAL", null), "孙七", phone, confidential,
            "PHONE", "COMPLAINT", "文化大道", "垃圾堆积", "operator", false, null, null, null, null, null, null,
            smsOptOut));
  }

  private Document smsText(String eventId) {
    return database.getCollection("sms_texts").find(Filters.eq("_id", eventId)).first();
  }

  private List<String> textsTo(String phone) {
    return SMSC.textsTo(phone);
  }

  /**
   * 受理, 办结 with a working rating link, 结案: three texts, each once, receipts kept, nothing twice on redelivery; the
   * centre refusing the first try of the 办结 does not lose it, and its retry carries a fresh link that rates.
   */
  @Test
  void aCallerIsTextedTheTicketTheAnswerWithARatingLinkThatWorksAndTheClosing() throws Exception {
    String ticketId = newTicket();
    String phone = String.valueOf(PHONES.incrementAndGet());
    List<String[]> events = lifecycleUpToResolved(ticketId, "JIANGXIA");
    EventEnvelope<ComplaintRegistered> registered = registration(ticketId, phone, false, null);
    events.set(0, new String[] {"hotline.intake.events", codec.encode(registered)});
    SMSC.refuseNext("工单号" + ticketId + "）已办结");
    publish(ticketId, events);

    await().atMost(WAIT).until(() -> textsTo(phone).size() == 2);
    assertThat(textsTo(phone).get(0)).contains("已受理", ticketId, "https://12345.example.gov.cn/track.html");
    String resolved = textsTo(phone).get(1);
    assertThat(resolved).contains("已办结", ticketId, "已清运", "https://12345.example.gov.cn/rate.html#");
    String token = resolved.substring(resolved.indexOf('#') + 1, resolved.indexOf('#') + 44);
    assertThat(database.getCollection("sms_texts").find(Filters.and(Filters.eq("ticketId", ticketId),
        Filters.eq("kind", "RESOLVED"))).first().getInteger("attempts")).as("the refused first try").isEqualTo(1);
    assertThat(database.getCollection("sms_texts").find().into(new ArrayList<>()).toString()).as("no usable link kept")
        .doesNotContain(token).doesNotContain(phone);

    String registrationMessage = SMSC.submittedTo(phone).get(0).messageId();
    SMSC.receipt(registrationMessage, DeliveryReceiptState.DELIVRD);
    await().atMost(WAIT).until(() -> database.getCollection("sms_receipts")
        .find(Filters.and(Filters.eq("_id", registrationMessage), Filters.eq("state", "DELIVRD"))).first() != null);
    assertThat(smsText(registered.eventId().toString()).getList("messageIds", String.class))
        .contains(registrationMessage);

    Reply rated = anonymous().post("/api/public/ratings", Map.of("token", token, "satisfaction", "SATISFIED"));
    assertThat(rated.status()).as(rated.raw()).isEqualTo(200);
    await().atMost(WAIT).until(() -> textsTo(phone).size() == 3);
    assertThat(textsTo(phone).get(2)).contains("已结案", ticketId);

    publish(ticketId, events); // read again: no second text
    await().atMost(WAIT).until(() -> TOPICS.stream().allMatch(t -> probe.caughtUp("feedback-sms", t)));
    await().atMost(WAIT).until(() -> database.getCollection("sms_texts").countDocuments(
        Filters.and(Filters.eq("ticketId", ticketId), Filters.in("state", "PENDING", "SENDING"))) == 0);
    assertThat(textsTo(phone)).hasSize(3);
  }

  /** 保密, declined at the call, a landline, a number that replied 退订, news two days old: no text, the reason kept. */
  @Test
  void noTextGoesToAConfidentialCallerOneWhoDeclinedALandlineOrANumberThatRepliedTd() throws Exception {
    String replier = String.valueOf(PHONES.incrementAndGet());
    EventEnvelope<ComplaintRegistered> first = registration(newTicket(), replier, false, false);
    probe.publish("hotline.intake.events", first.ticketId(), codec.encode(first));
    await().atMost(WAIT).until(() -> textsTo(replier).size() == 1);
    long optOuts = database.getCollection("sms_opt_outs").countDocuments();
    SMSC.reply("86" + replier, " td ");
    await().atMost(WAIT).until(() -> database.getCollection("sms_opt_outs").countDocuments() == optOuts + 1);

    Map<String, EventEnvelope<ComplaintRegistered>> refused = Map.of(
        "CONFIDENTIAL", registration(newTicket(), String.valueOf(PHONES.incrementAndGet()), true, null),
        "DECLINED_AT_CALL", registration(newTicket(), String.valueOf(PHONES.incrementAndGet()), false, true),
        "NOT_A_MOBILE", registration(newTicket(), "027-85551234", false, null),
        "OPTED_OUT", registration(newTicket(), replier, false, null),
        "STALE", registration(newTicket(), String.valueOf(PHONES.incrementAndGet()), false, null,
            Instant.now().minus(Duration.ofDays(2)))); // read two days late (a new group, a replay): not texted now
    refused.values().forEach(e -> probe.publish("hotline.intake.events", e.ticketId(), codec.encode(e)));

    refused.forEach((reason, event) -> await().atMost(WAIT).untilAsserted(() -> {
      Document text = smsText(event.eventId().toString());
      assertThat(text).isNotNull();
      assertThat(text.getString("state")).isEqualTo("SKIPPED");
      assertThat(text.getString("reason")).isEqualTo(reason);
    }));
    assertThat(textsTo(replier)).hasSize(1);
    refused.entrySet().stream().filter(e -> !e.getKey().equals("OPTED_OUT"))
        .forEach(e -> assertThat(SMSC.submittedTo(e.getValue().payload().callerPhone())).isEmpty());
  }

  private static String sha256(String token) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(token.getBytes(StandardCharsets.US_ASCII)));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }
}
