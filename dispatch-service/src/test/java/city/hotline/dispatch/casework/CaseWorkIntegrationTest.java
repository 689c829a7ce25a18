package city.hotline.dispatch.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseReopened;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.contracts.SurgeDetected;
import city.hotline.dispatch.DispatchTestBase;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceTestSupport;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Return (退单), routing by hand, extension (延期), resolve with attachments, reopen (重办) and the queues, through HTTP and Kafka. */
class CaseWorkIntegrationTest extends DispatchTestBase {
  @Autowired
  MongoDatabase database;
  @Autowired
  CaseClocksBackfill backfill;
  @Autowired
  OverdueMarker marker;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "dispatch-casework-it");
  }

  private HttpJson bureau(String unit) {
    return as("BUREAU", unit);
  }

  private HttpJson desk() {
    return as("DISPATCHER");
  }

  private JsonNode lastEvent(String ticketId, String type) {
    await().atMost(WAIT).until(() -> eventTypes(ticketId).contains(type));
    List<JsonNode> events = probe.events(ticketId).stream().filter(e -> e.path("eventType").asString().equals(type)).toList();
    return events.get(events.size() - 1).path("payload");
  }

  private Reply returnCase(String unit, String ticketId, String reason) {
    return bureau(unit).post("/api/cases/" + ticketId + "/return", Map.of("reason", reason, "note", "地址在武昌区中北路"));
  }

  /** 积压: the leadership sees the open cases now by state, unit and district; counted by difference. */
  @Test
  void theBacklogCountsOpenCasesByStateUnitAndDistrict() {
    JsonNode before = as("LEADER").get("/api/dashboard/backlog?district=QIAOKOU").body();
    String waiting = register("QIAOKOU", "SANITATION", false);
    String claimed = register("QIAOKOU", "STREET_VENDING", false);
    awaitCase(waiting, "DISPATCHED");
    awaitCase(claimed, "DISPATCHED");
    assertThat(bureau("QIAOKOU_CGJ").post("/api/cases/" + claimed + "/claim", Map.of()).status()).isEqualTo(200);
    awaitInQueue(bureau("QIAOKOU_CGJ"), "?state=CLAIMED", claimed);

    JsonNode after = as("LEADER").get("/api/dashboard/backlog?district=QIAOKOU").body();
    assertThat(after.path("total").asLong() - before.path("total").asLong()).isEqualTo(2);
    assertThat(after.path("byState").path("CLAIMED").asLong() - before.path("byState").path("CLAIMED").asLong())
        .isEqualTo(1);
    assertThat(after.path("byUnit").valueStream().filter(u -> u.path("unitId").asString().equals("QIAOKOU_CGJ"))
        .findFirst().orElseThrow().path("name").asString()).isEqualTo("硚口区城管局");
    assertThat(after.path("byDistrict").valueStream().map(d -> d.path("code").asString())).containsExactly("QIAOKOU");
    JsonNode vending = as("LEADER").get("/api/dashboard/backlog?district=QIAOKOU&category=STREET_VENDING").body();
    assertThat(vending.path("byState").path("DISPATCHED").asLong()).isZero();
    assertThat(bureau("QIAOKOU_CGJ").get("/api/dashboard/backlog").status()).isEqualTo(403);
  }

  @Test
  void aReturnedCaseWaitsAtTheDeskAndIsRoutedByHandWithFreshDeadlines() {
    String ticketId = register("JIANGAN", "SANITATION", false);
    JsonNode dispatched = awaitCase(ticketId, "DISPATCHED");

    Reply returned = returnCase("JIANGAN_CGJ", ticketId, "NOT_OUR_DISTRICT");
    assertThat(returned.status()).isEqualTo(200);
    assertThat(returned.body().path("state").asString()).isEqualTo("RETURNED");
    assertThat(bureau("JIANGAN_CGJ").get("/api/cases/" + ticketId).status()).as("the unit let it go").isEqualTo(404);
    JsonNode event = lastEvent(ticketId, "CaseReturned");
    assertThat(event.path("facts").path("unitId").asString()).isEqualTo("JIANGAN_CGJ");
    assertThat(event.path("reason").asString()).isEqualTo("NOT_OUR_DISTRICT");
    assertThat(event.path("returnCount").asInt()).isEqualTo(1);
    awaitInQueue(desk(), "?state=RETURNED", ticketId);
    await().atMost(WAIT).until(() -> !queue(bureau("JIANGAN_CGJ"), "").contains(ticketId));

    Instant before = Instant.now();
    Reply routed = desk().post("/api/cases/" + ticketId + "/dispatch", Map.of("unitId", "WUCHANG_CGJ", "note", "属武昌区"));
    assertThat(routed.status()).isEqualTo(200);
    JsonNode kase = routed.body();
    assertThat(kase.path("state").asString()).isEqualTo("DISPATCHED");
    assertThat(kase.path("unitId").asString()).isEqualTo("WUCHANG_CGJ");
    assertThat(kase.path("ruleKey").asString()).isEqualTo("MANUAL");
    assertThat(Instant.parse(kase.path("dispatchedAt").asString())).as("the clocks start again").isAfter(before);
    assertThat(Instant.parse(kase.path("claimDeadline").asString()))
        .isAfterOrEqualTo(Instant.parse(dispatched.path("claimDeadline").asString())).isAfter(before);
    assertThat(kase.path("returns").get(0).path("unitName").asString()).isEqualTo("江岸区城管局");
    assertThat(kase.path("audit").valueStream().map(a -> a.path("action").asString()).toList())
        .containsExactly("DISPATCH", "RETURN", "DISPATCH");
    assertThat(lastEvent(ticketId, "CaseDispatched").path("cause").asString()).isEqualTo("MANUAL");
    awaitInQueue(bureau("WUCHANG_CGJ"), "", ticketId);
    await().atMost(WAIT).until(() -> !queue(desk(), "?state=RETURNED").contains(ticketId));
  }

  @Test
  void aUnitThatReturnedACaseTwiceGetsItBackOnlyByTheDesksExplicitChoice() {
    String ticketId = register("JIANGAN", "STREET_VENDING", false);
    awaitCase(ticketId, "DISPATCHED");
    assertThat(returnCase("JIANGAN_CGJ", ticketId, "NOT_OUR_RESPONSIBILITY").status()).isEqualTo(200);
    assertThat(desk().post("/api/cases/" + ticketId + "/dispatch", Map.of("unitId", "JIANGAN_CGJ")).status())
        .as("once returned: the desk may send it back").isEqualTo(200);
    assertThat(bureau("JIANGAN_CGJ").post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(200);
    assertThat(returnCase("JIANGAN_CGJ", ticketId, "OTHER").status()).as("a claimed case can be returned").isEqualTo(200);
    assertThat(lastEvent(ticketId, "CaseReturned").path("returnCount").asInt()).isEqualTo(2);

    Reply refused = desk().post("/api/cases/" + ticketId + "/dispatch", Map.of("unitId", "JIANGAN_CGJ"));
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("detail").asString()).contains("2 times", "confirmReturnedUnit");
    assertThat(refused.body().path("code").asString()).isEqualTo("UNIT_RETURNED_CASE");
    assertThat(refused.body().path("returns").asInt()).isEqualTo(2);
    Reply confirmed = desk().post("/api/cases/" + ticketId + "/dispatch",
        Map.of("unitId", "JIANGAN_CGJ", "confirmReturnedUnit", true, "note", "经核实属江岸区"));
    assertThat(confirmed.body().path("unitId").asString()).isEqualTo("JIANGAN_CGJ");
    assertThat(desk().post("/api/cases/" + ticketId + "/dispatch", Map.of("unitId", "JIANGAN_CGJ")).status())
        .as("already there").isEqualTo(409);
    assertThat(desk().post("/api/cases/" + ticketId + "/dispatch", Map.of("unitId", "HONGSHAN_CGJ")).status())
        .as("an unclaimed case can be re-routed to another unit").isEqualTo(200);
  }

  @Test
  void badReturnsAndDispatchesAreRefusedClearlyAndOnlyTheRightRolesActs() {
    String ticketId = register("QINGSHAN", "SANITATION", false);
    awaitCase(ticketId, "DISPATCHED");
    Reply noReason = bureau("QINGSHAN_CGJ").post("/api/cases/" + ticketId + "/return", Map.of("note", " "));
    assertThat(noReason.status()).isEqualTo(400);
    assertThat(noReason.contentType()).startsWith("application/problem+json");
    assertThat(noReason.body().path("errors").valueStream().map(e -> e.path("field").asString()))
        .containsExactlyInAnyOrder("reason", "note");
    Reply unknownReason = bureau("QINGSHAN_CGJ").post("/api/cases/" + ticketId + "/return",
        Map.of("reason", "BECAUSE", "note", " "));
    assertThat(unknownReason.status()).isEqualTo(400);
    assertThat(unknownReason.body().path("errors").valueStream()
        .collect(Collectors.toMap(e -> e.path("field").asString(), e -> e.path("message").asString())))
        .as("an unknown reason is reported with the blank note, naming the reasons there are")
        .containsOnlyKeys("reason", "note")
        .containsEntry("reason", "must be one of NOT_OUR_DISTRICT, NOT_OUR_RESPONSIBILITY, INSUFFICIENT_INFORMATION, "
            + "DUPLICATE, OTHER, not \"BECAUSE\"");
    Reply unknownUnit = desk().post("/api/cases/" + ticketId + "/dispatch", Map.of("unitId", "NO_SUCH_UNIT"));
    assertThat(unknownUnit.status()).isEqualTo(400);
    assertThat(unknownUnit.body().path("errors").get(0).path("field").asString()).isEqualTo("unitId");
    assertThat(bureau("QINGSHAN_CGJ").post("/api/cases/" + ticketId + "/dispatch", Map.of("unitId", "WUCHANG_CGJ"))
        .status()).isEqualTo(403);
    assertThat(desk().post("/api/cases/" + ticketId + "/return", Map.of("reason", "OTHER", "note", "x")).status())
        .isEqualTo(403);
    assertThat(as("LEADER").post("/api/cases/" + ticketId + "/press", Map.of("note", "x")).status()).isEqualTo(403);

    assertThat(bureau("QINGSHAN_CGJ").post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(200);
    Reply claimed = desk().post("/api/cases/" + ticketId + "/dispatch", Map.of("unitId", "WUCHANG_CGJ"));
    assertThat(claimed.status()).as("no re-routing once claimed").isEqualTo(409);
    assertThat(claimed.body().path("detail").asString()).contains("CLAIMED");
    Reply notOverdue = desk().post("/api/cases/" + ticketId + "/press", Map.of("note", "请尽快办理"));
    assertThat(notOverdue.status()).isEqualTo(409);
    assertThat(notOverdue.body().path("detail").asString()).contains("not overdue");
    assertThat(caseOf(ticketId).path("audit").valueStream().map(a -> a.path("action").asString()).toList())
        .as("refused requests leave no trace").containsExactly("DISPATCH", "CLAIM");
    Reply badAlert = desk().post("/api/cases/" + ticketId + "/press", Map.of("note", "x", "alertId", "SRG 1/2"));
    assertThat(badAlert.status()).isEqualTo(400);
    assertThat(badAlert.body().path("errors").get(0).path("field").asString()).isEqualTo("alertId");
    String surgeId = "SRG-SANITATION-QINGSHAN-20261207T0100-" + ticketId;
    Reply madeUp = desk().post("/api/cases/" + ticketId + "/press", Map.of("note", "x", "alertId", surgeId));
    assertThat(madeUp.status()).as("an alert the desk never heard of waives nothing").isEqualTo(409);
    assertThat(madeUp.body().path("detail").asString()).contains("not known");

    Instant at = Instant.now();
    publish("hotline.surge.events", EventEnvelope.of(EventType.SURGE_DETECTED, surgeId, "feedback-service", at,
        new SurgeDetected(surgeId, "DISTRICT", "SANITATION", "QINGSHAN", null, at.minus(Duration.ofHours(1)), at, 5,
            1.25, 5, at, List.of(nextTicketId(), ticketId))));
    await().atMost(WAIT).until(() -> probe.caughtUp("dispatch-surge-alerts", "hotline.surge.events"));
    Reply forSurge = desk().post("/api/cases/" + ticketId + "/press",
        Map.of("note", "燃气泄漏，立即处置", "alertId", surgeId));
    assertThat(forSurge.status()).as("an open surge alert listing the case waives the overdue rule").isEqualTo(200);
    assertThat(forSurge.body().path("presses").get(0).path("note").asString()).isEqualTo("燃气泄漏，立即处置");
  }

  @Test
  void anExtensionIsRequestedOnceAndOnlyApprovalMovesTheResolveDeadline() {
    String ticketId = register("HANYANG", "ILLEGAL_CONSTRUCTION", false);
    awaitCase(ticketId, "DISPATCHED");
    HttpJson hanyang = bureau("HANYANG_CGJ");
    Map<String, String> early = Map.of("reason", "需协调规划部门", "requestedDeadline", Instant.now().plusSeconds(60).toString());
    assertThat(hanyang.post("/api/cases/" + ticketId + "/extension", early).status()).as("claim first").isEqualTo(409);
    JsonNode claimed = hanyang.post("/api/cases/" + ticketId + "/claim", "").body();
    Instant resolveBy = Instant.parse(claimed.path("resolveDeadline").asString());

    Reply tooEarly = hanyang.post("/api/cases/" + ticketId + "/extension",
        Map.of("reason", "需协调", "requestedDeadline", resolveBy.minusSeconds(60).toString()));
    assertThat(tooEarly.status()).isEqualTo(400);
    assertThat(tooEarly.body().path("errors").get(0).path("field").asString()).isEqualTo("requestedDeadline");
    assertThat(hanyang.post("/api/cases/" + ticketId + "/extension",
        Map.of("reason", "需协调", "requestedDeadline", Instant.now().plus(Duration.ofDays(40)).toString())).status())
        .isEqualTo(400);
    assertThat(hanyang.post("/api/cases/" + ticketId + "/extension", Map.of("reason", "需协调")).body()
        .path("errors").get(0).path("field").asString()).isEqualTo("requestedDeadline");

    Instant later = resolveBy.plus(Duration.ofDays(3));
    Map<String, String> request = Map.of("reason", "需协调规划部门现场认定", "requestedDeadline", later.toString());
    Reply requested = hanyang.post("/api/cases/" + ticketId + "/extension", request);
    assertThat(requested.body().path("extension").path("status").asString()).isEqualTo("PENDING");
    assertThat(hanyang.post("/api/cases/" + ticketId + "/extension", request).status()).as("one pending at a time")
        .isEqualTo(409);
    awaitInQueue(desk(), "?extensionPending=true", ticketId);
    assertThat(lastEvent(ticketId, "CaseExtensionRequested").path("requestedDeadline").asString()).isNotBlank();

    JsonNode approved = desk().post("/api/cases/" + ticketId + "/extension/approve", Map.of("note", "同意")).body();
    assertThat(approved.path("extension").path("status").asString()).isEqualTo("APPROVED");
    assertThat(Instant.parse(approved.path("resolveDeadline").asString())).isEqualTo(later);
    assertThat(lastEvent(ticketId, "CaseExtensionDecided").path("approved").asBoolean()).isTrue();
    assertThat(desk().post("/api/cases/" + ticketId + "/extension/approve", Map.of()).status()).as("nothing pending")
        .isEqualTo(409);
    await().atMost(WAIT).until(() -> !queue(desk(), "?extensionPending=true").contains(ticketId));

    Instant evenLater = later.plus(Duration.ofDays(1));
    hanyang.post("/api/cases/" + ticketId + "/extension", Map.of("reason", "再延一天", "requestedDeadline", evenLater.toString()));
    Reply noWhy = desk().post("/api/cases/" + ticketId + "/extension/reject", Map.of());
    assertThat(noWhy.status()).isEqualTo(400);
    assertThat(noWhy.body().path("errors").get(0).path("field").asString()).isEqualTo("note");
    JsonNode rejected = desk().post("/api/cases/" + ticketId + "/extension/reject", Map.of("note", "时限已够")).body();
    assertThat(rejected.path("extension").path("status").asString()).isEqualTo("REJECTED");
    assertThat(Instant.parse(rejected.path("resolveDeadline").asString())).isEqualTo(later);
    assertThat(bureau("WUCHANG_CGJ").post("/api/cases/" + ticketId + "/extension", request).status()).isEqualTo(404);
  }

  @Test
  void resolvingKeepsTheAttachmentsAndRefusesBadOnes() {
    String ticketId = register("WUCHANG", "MANHOLE_COVERS", false);
    awaitCase(ticketId, "DISPATCHED");
    HttpJson wuchang = bureau("WUCHANG_CGJ");
    wuchang.post("/api/cases/" + ticketId + "/claim", "");
    Reply bad = wuchang.post("/api/cases/" + ticketId + "/resolve",
        Map.of("reply", "已补装", "attachments", List.of(Map.of("name", "现场照片", "url", "ftp://files/1.jpg"))));
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").get(0).path("field").asString()).isEqualTo("attachments[0].url");
    JsonNode resolved = wuchang.post("/api/cases/" + ticketId + "/resolve", Map.of("reply", "已补装井盖",
        "attachments", List.of(Map.of("name", "现场照片", "url", "https://files.example.org/wh/1.jpg")))).body();
    assertThat(resolved.path("state").asString()).isEqualTo("RESOLVED");
    assertThat(resolved.path("attachments").get(0).path("url").asString()).isEqualTo("https://files.example.org/wh/1.jpg");
    await().atMost(WAIT).until(() -> !queue(wuchang, "").contains(ticketId));
  }

  @Test
  void theUnitQueueFiltersSortsByDeadlineAndPages() {
    HttpJson huangpi = bureau("HUANGPI_CGJ");
    List<String> tickets = List.of(register("HUANGPI", "SANITATION", "NORMAL", false),
        register("HUANGPI", "SANITATION", "EMERGENCY", false), register("HUANGPI", "STREET_LIGHTING", "URGENT", false),
        register("HUANGPI", "SANITATION", "NORMAL", false), register("HUANGPI", "DUST_POLLUTION", "NORMAL", false));
    await().atMost(WAIT).until(() -> huangpi.get("/api/cases").body().path("total").asInt() == tickets.size());

    JsonNode all = huangpi.get("/api/cases").body();
    List<Instant> deadlines = all.path("items").valueStream().map(i -> Instant.parse(i.path("deadline").asString())).toList();
    assertThat(deadlines).isSorted();
    assertThat(all.path("items").get(0).path("ticketId").asString()).as("30 minutes to claim an emergency")
        .isEqualTo(tickets.get(1));
    assertThat(queue(huangpi, "?urgency=URGENT")).containsExactly(tickets.get(2));
    assertThat(queue(huangpi, "?category=STREET_LIGHTING")).containsExactly(tickets.get(2));
    assertThat(queue(huangpi, "?overdue=true")).isEmpty();

    JsonNode firstPage = huangpi.get("/api/cases?size=2").body();
    JsonNode lastPage = huangpi.get("/api/cases?size=2&page=2").body();
    assertThat(firstPage.path("items").size()).isEqualTo(2);
    assertThat(firstPage.path("total").asInt()).isEqualTo(5);
    assertThat(lastPage.path("items").size()).isEqualTo(1);

    huangpi.post("/api/cases/" + tickets.get(3) + "/claim", "");
    await().atMost(WAIT).until(() -> queue(huangpi, "?state=CLAIMED").equals(List.of(tickets.get(3))));
    assertThat(queue(huangpi, "?state=DISPATCHED")).hasSize(4).doesNotContain(tickets.get(3));
    Reply resolvedState = huangpi.get("/api/cases?state=RESOLVED");
    assertThat(resolvedState.status()).isEqualTo(400);
    assertThat(resolvedState.body().path("errors").get(0).path("field").asString()).isEqualTo("state");
    assertThat(queue(bureau("XINZHOU_CGJ"), "?unitId=HUANGPI_CGJ")).as("a unit sees only its own queue").isEmpty();
    assertThat(queue(as("LEADER"), "?unitId=HUANGPI_CGJ")).hasSize(5);
  }

  @Test
  void reopeningSendsTheCaseBackToTheSameUnitWithFreshDeadlinesOncePerEvent() {
    String ticketId = register("CAIDIAN", "SANITATION", false);
    awaitCase(ticketId, "DISPATCHED");
    HttpJson caidian = bureau("CAIDIAN_CGJ");
    CaseFacts facts = new CaseFacts("CAIDIAN", "SANITATION", "NORMAL", "CAIDIAN_CGJ");
    EventEnvelope<CaseReopened> first = null;
    for (int round = 1; round <= 3; round++) {
      caidian.post("/api/cases/" + ticketId + "/claim", "");
      assertThat(caidian.post("/api/cases/" + ticketId + "/resolve", Map.of("reply", "已清运 " + round))
          .body().path("state").asString()).isEqualTo("RESOLVED");
      if (first != null) { // the first reopening again, now that the case is resolved once more: nothing happens
        publish("hotline.feedback.events", first);
        await().atMost(WAIT).until(() -> probe.caughtUp("dispatch-service", "hotline.feedback.events"));
        assertThat(caseOf(ticketId).path("state").asString()).isEqualTo("RESOLVED");
      }
      EventEnvelope<CaseReopened> reopened = EventEnvelope.of(EventType.CASE_REOPENED, ticketId, "feedback-service",
          Instant.now(), new CaseReopened(facts, "operator", "垃圾仍未清运", round));
      first = first == null ? reopened : first;
      if (round <= 2) {
        publish("hotline.feedback.events", reopened);
      }
      if (round <= 2) {
        int expected = round;
        await().atMost(WAIT).until(() -> caseOf(ticketId).path("reopenCount").asInt() == expected
            && caseOf(ticketId).path("state").asString().equals("DISPATCHED"));
        JsonNode kase = caseOf(ticketId);
        assertThat(kase.path("unitId").asString()).isEqualTo("CAIDIAN_CGJ");
        assertThat(kase.path("resolvedAt").isNull()).isTrue();
        awaitInQueue(caidian, "?state=DISPATCHED", ticketId);
      }
    }
    JsonNode kase = caseOf(ticketId);
    assertThat(kase.path("state").asString()).isEqualTo("RESOLVED");
    assertThat(kase.path("reopenCount").asInt()).isEqualTo(2);
    await().atMost(WAIT).until(() -> dispatchCauses(ticketId).size() >= 3);
    assertThat(dispatchCauses(ticketId)).containsExactly("ROUTED", "REOPENED", "REOPENED");
  }

  /**
   * hotline_case_steps_total: each step a case took counts once for the unit it concerns; a redelivered
   * registration or reopening and a claim that came second count nothing. Only these cases involve 东西湖区城管局
   * and 江夏区城管局 here, so their counts are this test's.
   */
  @Test
  void eachStepTakenCountsOnceForItsUnitAndARedeliveryOrARepeatedRequestNever(@Autowired MeterRegistry meters) {
    Map<String, Double> before = steps(meters);
    String ticketId = nextTicketId();
    EventEnvelope<ComplaintRegistered> registration = EventEnvelope.of(EventType.COMPLAINT_REGISTERED, ticketId,
        "intake-service", Instant.now(), new ComplaintRegistered(new CaseFacts("DONGXIHU", "SANITATION", "NORMAL", null),
            "李四", "13912345678", false, "PHONE", "COMPLAINT", "吴家山", "垃圾未清运", "operator", false, null, null,
            null, null, null));
    publish("hotline.intake.events", registration);
    publish("hotline.intake.events", registration);
    awaitCase(ticketId, "DISPATCHED");
    HttpJson dongxihu = bureau("DONGXIHU_CGJ");
    assertThat(dongxihu.post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(200);
    assertThat(dongxihu.post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(409);
    assertThat(dongxihu.post("/api/cases/" + ticketId + "/resolve", Map.of("reply", "已清运")).status()).isEqualTo(200);
    EventEnvelope<CaseReopened> reopened = EventEnvelope.of(EventType.CASE_REOPENED, ticketId, "feedback-service",
        Instant.now(), new CaseReopened(new CaseFacts("DONGXIHU", "SANITATION", "NORMAL", "DONGXIHU_CGJ"), "operator",
            "垃圾仍未清运", 1));
    publish("hotline.feedback.events", reopened);
    publish("hotline.feedback.events", reopened);

    String returnedId = register("DONGXIHU", "DRAINAGE", false);
    awaitCase(returnedId, "DISPATCHED");
    assertThat(returnCase("DONGXIHU_CGJ", returnedId, "NOT_OUR_DISTRICT").status()).isEqualTo(200);
    assertThat(desk().post("/api/cases/" + returnedId + "/dispatch", Map.of("unitId", "JIANGXIA_CGJ", "note", "属江夏区"))
        .status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> probe.caughtUp("dispatch-service", "hotline.intake.events")
        && probe.caughtUp("dispatch-service", "hotline.feedback.events"));
    awaitCase(ticketId, "DISPATCHED");

    Map<String, Double> after = steps(meters);
    Map<String, Double> counted = after.keySet().stream()
        .filter(key -> after.get(key) - before.getOrDefault(key, 0.0) != 0)
        .collect(Collectors.toMap(key -> key, key -> after.get(key) - before.getOrDefault(key, 0.0)));
    assertThat(counted).isEqualTo(Map.of(
        "dispatched DONGXIHU_CGJ", 3.0, // two routed by rule, one again after 重办
        "claimed DONGXIHU_CGJ", 1.0,
        "resolved DONGXIHU_CGJ", 1.0,
        "returned DONGXIHU_CGJ", 1.0,
        "dispatched JIANGXIA_CGJ", 1.0));
  }

  /** The step counts of 东西湖 and 江夏, as "step unit". */
  private static Map<String, Double> steps(MeterRegistry meters) {
    return meters.find("hotline.case.steps").counters().stream()
        .filter(c -> List.of("DONGXIHU_CGJ", "JIANGXIA_CGJ").contains(c.getId().getTag("unit")))
        .collect(Collectors.toMap(c -> c.getId().getTag("step") + " " + c.getId().getTag("unit"), Counter::count));
  }

  private List<String> dispatchCauses(String ticketId) {
    return probe.events(ticketId).stream().filter(e -> e.path("eventType").asString().equals("CaseDispatched"))
        .map(e -> e.path("payload").path("cause").asString()).toList();
  }

  /**
   * Upgrade from before issue 22: open cases as that version wrote them (no deadline, no dueAt) get both at
   * start, so the overdue clock marks a passed claim deadline, the overdue filter lists it, and a unit's queue
   * puts a far deadline after a near one instead of first.
   */
  @Test
  void casesWrittenBeforeIssue22GetTheirClocksAtStart() {
    Instant now = Instant.now();
    String late = nextTicketId();
    String far = nextTicketId();
    database.getCollection(CaseRepository.COLLECTION).insertMany(List.of(
        oldCase(late, "DISPATCHED", now.minus(Duration.ofHours(1)), now.plus(Duration.ofDays(3))),
        oldCase(far, "CLAIMED", now.minus(Duration.ofDays(1)), now.plus(Duration.ofDays(60)))
            .append("claimedAt", Date.from(now.minus(Duration.ofDays(2)))).append("claimedBy", "bureau-HANNAN_CGJ")));
    String fresh = register("HANNAN", "SANITATION", false);
    awaitCase(fresh, "DISPATCHED");

    assertThat(backfill.backfill()).as("written at start").isEqualTo(2);
    assertThat(backfill.backfill()).as("a second start").isZero();
    marker.markDue();

    await().atMost(WAIT).until(() -> eventTypes(late).contains("CaseOverdue"));
    assertThat(caseOf(late).path("audit").valueStream().map(a -> a.path("note").asString())).contains("超期未签收");
    assertThat(queue(desk(), "?overdue=true&size=100")).contains(late).doesNotContain(far, fresh);
    assertThat(queue(bureau("HANNAN_CGJ"), "?size=100")).containsSubsequence(late, fresh, far);
  }

  /** A case document as dispatch wrote it before issue 22 (commit ba1d358): no deadline, no dueAt. */
  private static Document oldCase(String ticketId, String state, Instant claimBy, Instant resolveBy) {
    Instant opened = claimBy.minus(Duration.ofHours(2));
    return new Document("_id", ticketId).append("rev", 0).append("district", "HANNAN").append("category", "SANITATION")
        .append("urgency", "NORMAL").append("type", "COMPLAINT").append("address", "汉南大道1号")
        .append("street", null).append("description", "垃圾未清运").append("callerName", "王五")
        .append("callerPhone", "13700000000").append("confidential", false).append("registeredAt", Date.from(opened))
        .append("openedAt", Date.from(opened))
        .append("audit", List.of(new Document("at", Date.from(opened)).append("action", "DISPATCH")
            .append("state", "DISPATCHED").append("actor", "system").append("note", "派单至 汉南区城管局 (rule HANNAN|* v1)")))
        .append("state", state).append("unitId", "HANNAN_CGJ").append("unitName", "汉南区城管局")
        .append("unitsSeen", List.of("HANNAN_CGJ")).append("ruleKey", "HANNAN|*").append("ruleVersion", 1)
        .append("dispatchedAt", Date.from(opened)).append("enteredAt", Date.from(opened))
        .append("claimDeadline", Date.from(claimBy)).append("resolveDeadline", Date.from(resolveBy));
  }
}
