package city.hotline.dispatch;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintMerged;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.dispatch.sla.CalendarStore;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceTestSupport;
import city.hotline.testsupport.TestTokens;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Dispatch against a real (embedded KRaft) Kafka broker and a Mongo-wire server: routing, claim, resolve, close. */
class DispatchIntegrationTest extends DispatchTestBase {
  @Autowired
  CalendarStore calendars;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "dispatch-it");
  }

  private HttpJson wuchang() {
    return as("BUREAU", "WUCHANG_CGJ");
  }

  @Test
  void aRegistrationIsRoutedToItsDistrictBureauWithDeadlinesAndPublished() {
    String ticketId = register("JIANGAN", "STREET_LIGHTING", false);

    JsonNode kase = awaitCase(ticketId, "DISPATCHED");
    assertThat(kase.path("unitId").asString()).isEqualTo("JIANGAN_CGJ");
    assertThat(kase.path("unitName").asString()).isEqualTo("江岸区城管局");
    Instant claimBy = Instant.parse(kase.path("claimDeadline").asString());
    Instant resolveBy = Instant.parse(kase.path("resolveDeadline").asString());
    assertThat(resolveBy).isAfter(claimBy);
    for (Instant deadline : List.of(claimBy, resolveBy)) { // working time: on a working day, within working hours
      LocalDateTime local = LocalDateTime.ofInstant(deadline, ZoneId.of("Asia/Shanghai"));
      assertThat(calendars.current().isWorkingDay(local.toLocalDate())).as(deadline.toString()).isTrue();
      assertThat(local.toLocalTime()).as(deadline.toString()).isBetween(LocalTime.of(8, 30), LocalTime.of(18, 0))
          .matches(t -> !t.isAfter(LocalTime.NOON) || !t.isBefore(LocalTime.of(14, 0)));
    }
    assertThat(kase.path("callerPhone").asString()).isEqualTo("139****5678");
    await().atMost(WAIT).until(() -> eventTypes(ticketId).contains("CaseDispatched"));
    JsonNode dispatched = probe.events(ticketId).get(0);
    assertThat(dispatched.path("payload").path("facts").path("unitId").asString()).isEqualTo("JIANGAN_CGJ");
  }

  @Test
  void cityWideInfrastructureGoesToItsCityCentreWhateverTheDistrict() {
    Map<String, String> centres = Map.of("GAS_SAFETY", "CITY_GAS_CENTRE",
        "BRIDGES_TUNNELS", "CITY_ROADS_BRIDGES_TUNNELS_CENTRE", "GREENERY", "CITY_PARKS_FORESTRY_BUREAU");
    centres.forEach((category, unit) -> assertThat(awaitCase(register("HANYANG", category, false), "DISPATCHED")
        .path("unitId").asString()).as(category).isEqualTo(unit));
  }

  @Test
  void withoutAMatchingRuleTheCaseWaitsForManualDispatch() {
    String ticketId = register("NOT_A_DISTRICT", "STREET_LIGHTING", false);
    awaitCase(ticketId, "AWAITING_MANUAL_DISPATCH");
    await().atMost(WAIT).until(() -> eventTypes(ticketId).contains("CaseAwaitingManualDispatch"));
  }

  @Test
  void aConfidentialCallersNameAndPhoneAreNotShownToTheBureau() {
    String ticketId = register("JIANGHAN", "SANITATION", true);
    JsonNode dispatcherView = awaitCase(ticketId, "DISPATCHED");
    assertThat(dispatcherView.path("callerName").asString()).isEqualTo("李四");
    assertThat(dispatcherView.path("callerPhone").asString()).isEqualTo("139****5678");
    JsonNode bureauView = as("BUREAU", "JIANGHAN_CGJ").get("/api/cases/" + ticketId).body();
    assertThat(bureauView.path("callerName").isNull()).isTrue();
    assertThat(bureauView.path("callerPhone").isNull()).isTrue();
  }

  @Test
  void aBureauNeitherSeesNorTouchesAnotherUnitsCase() {
    String ticketId = register("JIANGAN", "SANITATION", false);
    awaitCase(ticketId, "DISPATCHED");
    HttpJson otherUnit = as("BUREAU", "WUCHANG_CGJ");
    assertThat(otherUnit.get("/api/cases/" + ticketId).status()).isEqualTo(404);
    assertThat(otherUnit.post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(404);
    assertThat(queue(otherUnit, "?unitId=JIANGAN_CGJ")).doesNotContain(ticketId);
    assertThat(as("DISPATCHER").get("/api/cases/" + ticketId).body().path("state").asString()).isEqualTo("DISPATCHED");
  }

  @Test
  void leadersReadButChangeNothingAndOperatorsHaveNoCaseQueue() {
    String ticketId = register("HANYANG", "SANITATION", false);
    awaitCase(ticketId, "DISPATCHED");
    assertThat(as("LEADER").get("/api/cases/" + ticketId).status()).isEqualTo(200);
    assertThat(as("LEADER").post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(403);
    assertThat(as("DISPATCHER").post("/api/cases/" + ticketId + "/resolve", Map.of("reply", "x")).status()).isEqualTo(403);
    assertThat(as("OPERATOR").get("/api/cases").status()).isEqualTo(403);
    assertThat(anonymous().get("/api/cases/" + ticketId).status()).isEqualTo(401);
    assertThat(anonymous().withToken(TestTokens.expired("x", "HANYANG_CGJ", "BUREAU"))
        .post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(401);
  }

  @Test
  void theUnitQueueShowsItsOpenCases() {
    String ticketId = register("QIAOKOU", "DAMAGED_ROADS", false);
    awaitCase(ticketId, "DISPATCHED");
    awaitInQueue(as("BUREAU", "QIAOKOU_CGJ"), "", ticketId);
    assertThat(queue(as("BUREAU", "HANYANG_CGJ"), "?unitId=QIAOKOU_CGJ")).doesNotContain(ticketId);
  }

  @Test
  void claimResolveAndCloseWalkTheLifecycleAndIllegalStepsAre409() {
    String ticketId = register("WUCHANG", "MANHOLE_COVERS", false);
    awaitCase(ticketId, "DISPATCHED");

    assertThat(wuchang().post("/api/cases/" + ticketId + "/resolve", Map.of("reply", "已处理")).status()).isEqualTo(409);
    assertThat(wuchang().post("/api/cases/" + ticketId + "/claim", "").body().path("state").asString()).isEqualTo("CLAIMED");
    Reply again = wuchang().post("/api/cases/" + ticketId + "/claim", "");
    assertThat(again.status()).isEqualTo(409);
    assertThat(again.contentType()).startsWith("application/problem+json");
    assertThat(again.body().path("detail").asString()).contains("CLAIMED");

    Reply blank = wuchang().post("/api/cases/" + ticketId + "/resolve", Map.of("reply", " "));
    assertThat(blank.status()).isEqualTo(400);
    assertThat(blank.body().path("errors").get(0).path("field").asString()).isEqualTo("reply");
    Reply resolved = wuchang().post("/api/cases/" + ticketId + "/resolve", Map.of("reply", "已补装井盖"));
    assertThat(resolved.body().path("state").asString()).isEqualTo("RESOLVED");
    await().atMost(WAIT).until(() -> eventTypes(ticketId).containsAll(List.of("CaseClaimed", "CaseResolved")));

    CaseClosed closed = new CaseClosed(new CaseFacts("WUCHANG", "MANHOLE_COVERS", "NORMAL", "WUCHANG_CGJ"),
        "SATISFIED", "operator", null);
    String json = codec.encode(EventEnvelope.of(EventType.CASE_CLOSED, ticketId, "feedback-service", Instant.now(), closed));
    probe.publish("hotline.feedback.events", ticketId, json);
    probe.publish("hotline.feedback.events", ticketId, json);
    JsonNode kase = awaitCase(ticketId, "CLOSED");
    assertThat(kase.path("audit").valueStream().map(a -> a.path("action").asString()).toList())
        .containsExactly("DISPATCH", "CLAIM", "RESOLVE", "CLOSE");
    assertThat(wuchang().post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(409);
  }

  @Test
  void ofSimultaneousClaimsExactlyOneWins() throws Exception {
    String ticketId = register("HANYANG", "STREET_VENDING", false);
    awaitCase(ticketId, "DISPATCHED");
    int claimants = 8;
    CountDownLatch start = new CountDownLatch(1);
    ExecutorService pool = Executors.newFixedThreadPool(claimants);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < claimants; i++) {
        Callable<Integer> claim = () -> {
          start.await();
          return as("BUREAU", "HANYANG_CGJ").post("/api/cases/" + ticketId + "/claim", "").status();
        };
        results.add(pool.submit(claim));
      }
      start.countDown();
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> result : results) {
        statuses.add(result.get());
      }
      assertThat(statuses).filteredOn(s -> s == 200).hasSize(1);
      assertThat(statuses).filteredOn(s -> s == 409).hasSize(claimants - 1);
    } finally {
      pool.shutdownNow();
    }
    JsonNode kase = as("DISPATCHER").get("/api/cases/" + ticketId).body();
    assertThat(kase.path("audit").valueStream().filter(a -> a.path("action").asString().equals("CLAIM")).count())
        .isEqualTo(1);
  }

  @Test
  void aRedeliveredRegistrationOpensNoSecondCase() {
    String ticketId = nextTicketId();
    ComplaintRegistered payload = new ComplaintRegistered(new CaseFacts("QINGSHAN", "SANITATION", "URGENT", null),
        "王五", "02788881234", false, "PHONE", "COMPLAINT", "和平大道", "垃圾未清运", "operator", false, null, null, null, null, null);
    String json = codec.encode(EventEnvelope.of(EventType.COMPLAINT_REGISTERED, ticketId, "intake-service",
        Instant.now(), payload));
    probe.publish("hotline.intake.events", ticketId, json);
    probe.publish("hotline.intake.events", ticketId, json);
    awaitCase(ticketId, "DISPATCHED");
    await().atMost(WAIT).until(() -> probe.caughtUp("dispatch-service", "hotline.intake.events"));
    await().atMost(WAIT).until(() -> eventTypes(ticketId).contains("CaseDispatched"));
    assertThat(eventTypes(ticketId)).containsExactly("CaseDispatched");
  }

  @Test
  void aConsultationClosedOnThePhoneIsNeverDispatched() {
    String ticketId = nextTicketId();
    ComplaintRegistered payload = new ComplaintRegistered(new CaseFacts("JIANGAN", "OTHER", "NORMAL", null),
        "王五", "02788881234", false, "PHONE", "CONSULTATION", "江岸区", "咨询垃圾分类", "operator", true, "已答复", null, null, null, null);
    probe.publish("hotline.intake.events", ticketId, codec.encode(EventEnvelope.of(EventType.COMPLAINT_REGISTERED,
        ticketId, "intake-service", Instant.now(), payload)));
    await().atMost(WAIT).until(() -> probe.caughtUp("dispatch-service", "hotline.intake.events"));
    assertThat(as("DISPATCHER").get("/api/cases/" + ticketId).status()).isEqualTo(404);
  }

  @Test
  void anUnknownCaseIs404() {
    assertThat(as("DISPATCHER").get("/api/cases/WH20000101000000").status()).isEqualTo(404);
    assertThat(as("BUREAU", "JIANGAN_CGJ").post("/api/cases/WH20000101000000/claim", "").status()).isEqualTo(404);
  }

  @Test
  void aCallMergedAtRegistrationOpensNoCase() {
    String ticketId = nextTicketId();
    ComplaintRegistered payload = new ComplaintRegistered(new CaseFacts("WUCHANG", "SANITATION", "NORMAL", null),
        "王五", "02788881234", false, "PHONE", "COMPLAINT", "中北路1号", "垃圾堆积", "operator", false, null, null, null,
        null, "WH20261123000001");
    probe.publish("hotline.intake.events", ticketId, codec.encode(EventEnvelope.of(EventType.COMPLAINT_REGISTERED,
        ticketId, "intake-service", Instant.now(), payload)));
    await().atMost(WAIT).until(() -> probe.caughtUp("dispatch-service", "hotline.intake.events"));
    assertThat(as("DISPATCHER").get("/api/cases/" + ticketId).status()).isEqualTo(404);
  }

  @Test
  void aCaseMergedAfterRegistrationLeavesItsUnitsQueueWithTheMergeInItsAuditTrail() {
    String ticketId = register("WUCHANG", "SANITATION", false);
    awaitCase(ticketId, "DISPATCHED");
    awaitInQueue(wuchang(), "", ticketId);
    String merged = codec.encode(EventEnvelope.of(EventType.COMPLAINT_MERGED, ticketId, "intake-service", Instant.now(),
        new ComplaintMerged(new CaseFacts("WUCHANG", "SANITATION", "NORMAL", "WUCHANG_CGJ"), "WH20261123000001",
            "operator")));
    probe.publish("hotline.intake.events", ticketId, merged);
    probe.publish("hotline.intake.events", ticketId, merged);

    JsonNode kase = awaitCase(ticketId, "MERGED");
    assertThat(kase.path("audit").valueStream().map(a -> a.path("note").asString()))
        .containsOnlyOnce("重复件, 并入 WH20261123000001");
    await().atMost(WAIT).until(() -> !queue(wuchang(), "").contains(ticketId));
    await().atMost(WAIT).until(() -> eventTypes(ticketId).contains("CaseWithdrawn"));
    assertThat(wuchang().post("/api/cases/" + ticketId + "/claim", Map.of()).status()).isEqualTo(409);
  }
}
