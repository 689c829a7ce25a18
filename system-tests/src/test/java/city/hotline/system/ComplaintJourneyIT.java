package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.infra.Settings;
import city.hotline.system.faults.Reconciled;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The whole path end to end: a real Kafka broker, four Mongo-wire servers and the four services,
 * each its own process as {@code ./hotline up} starts them, driven over HTTP through the gateway
 * only, signed in as the demo accounts.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ComplaintJourneyIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  /** The figures' days are Beijing days. */
  private static final ZoneId BEIJING = ZoneId.of("Asia/Shanghai");

  private static final String DEMO_PASSWORD = "Hotline@12345";
  private HttpJson gateway;
  private HttpJson operator;
  private HttpJson bureau;
  private HttpJson dispatcher;
  private HttpJson leader;

  @BeforeAll
  void signIn() {
    Settings settings = RunningSystem.get();
    gateway = new HttpJson(settings.gatewayUrl());
    operator = signIn("operator");
    bureau = signIn("jiangan");
    dispatcher = signIn("dispatcher");
    leader = signIn("leader");
  }

  private HttpJson signIn(String username) {
    Reply reply = gateway.post("/api/auth/login", Map.of("username", username, "password", DEMO_PASSWORD));
    assertThat(reply.status()).as("sign in as " + username).isEqualTo(200);
    return gateway.withToken(reply.body().path("token").asString());
  }

  /** 江岸区's figures from {@code since} to today: a reading after midnight still covers the day the test began. */
  private JsonNode jianganSince(LocalDate since) {
    LocalDate today = LocalDate.now(BEIJING);
    return leader.get("/api/dashboard/summary?from=" + since + "&to=" + today + "&district=JIANGAN").body();
  }

  @Test
  void aComplaintTravelsFromTheCallToTheLeadershipDashboard() {
    // The figures are a read model: events of earlier tests (CaseWorkIT registers in 江岸区 too) may still be on
    // their way to it. Read them once the books agree, so that the difference below is this call's alone.
    Reconciled.books(RunningSystem.get());
    LocalDate since = LocalDate.now(BEIJING);
    JsonNode before = jianganSince(since);
    // 1. 受理: the operator registers the call.
    Map<String, Object> call = Map.of(
        "callerName", "张三", "callerPhone", "13812341234", "district", "JIANGAN", "category", "STREET_LIGHTING",
        "urgency", "NORMAL", "address", "江岸区解放大道1000号", "description", "路灯不亮已经三天");
    Reply registered = operator.post("/api/complaints", call);
    assertThat(registered.status()).isEqualTo(201);
    assertThat(registered.requestId()).isNotBlank();
    String ticketId = registered.body().path("ticketId").asString();
    assertThat(ticketId).matches("WH\\d{14}");

    // 2. 派单: dispatch routes it to the Jiang'an bureau.
    await().atMost(WAIT).until(() -> dispatcher.get("/api/cases/" + ticketId).body().path("state").asString().equals("DISPATCHED"));
    JsonNode kase = bureau.get("/api/cases/" + ticketId).body();
    assertThat(kase.path("unitId").asString()).isEqualTo("JIANGAN_CGJ");
    assertThat(kase.path("claimDeadline").asString()).isNotBlank();
    assertThat(kase.path("resolveDeadline").asString()).isNotBlank();

    // 3. 签收 and 办结 from the unit's queue.
    await().atMost(WAIT).until(() -> bureau.get("/api/cases").body().path("items").valueStream()
        .anyMatch(c -> c.path("ticketId").asString().equals(ticketId)));
    assertThat(bureau.post("/api/cases/" + ticketId + "/claim", "").body().path("state").asString()).isEqualTo("CLAIMED");
    Reply resolved = bureau.post("/api/cases/" + ticketId + "/resolve", Map.of("reply", "已更换灯泡,路灯恢复照明"));
    assertThat(resolved.body().path("state").asString()).isEqualTo("RESOLVED");

    // 4. 回访: the return visit opens; a SATISFIED rating closes the case everywhere.
    await().atMost(WAIT).until(() -> operator.get("/api/visits?size=200").body().path("items").valueStream()
        .anyMatch(v -> v.path("ticketId").asString().equals(ticketId)));
    Reply rated = operator.post("/api/visits/" + ticketId + "/attempts",
        Map.of("reached", true, "satisfaction", "SATISFIED", "score", 5, "solved", true));
    assertThat(rated.status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> dispatcher.get("/api/cases/" + ticketId).body().path("state").asString().equals("CLOSED"));

    // 5. 查询进度: intake's timeline shows every step.
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode complaint = operator.get("/api/complaints/" + ticketId).body();
      assertThat(complaint.path("status").asString()).isEqualTo("CLOSED");
      assertThat(complaint.path("timeline").valueStream().map(t -> t.path("status").asString()).toList())
          .containsExactly("REGISTERED", "DISPATCHED", "CLAIMED", "RESOLVED", "CLOSED");
    });

    // 6. 考核指标: the dashboard counts it, once (other tests register in this district too, so by difference).
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode summary = jianganSince(since);
      assertThat(summary.path("received").asLong()).isEqualTo(before.path("received").asLong() + 1);
      assertThat(summary.path("closed").asLong()).isEqualTo(before.path("closed").asLong() + 1);
      assertThat(summary.path("satisfactionRate").path("numerator").asLong())
          .isEqualTo(before.path("satisfactionRate").path("numerator").asLong() + 1);
      assertThat(summary.path("satisfactionRate").path("denominator").asLong())
          .isEqualTo(before.path("satisfactionRate").path("denominator").asLong() + 1);
    });

    // Illegal steps are refused with problem+json through the gateway.
    Reply claimClosed = bureau.post("/api/cases/" + ticketId + "/claim", "");
    assertThat(claimClosed.status()).isEqualTo(409);
    assertThat(claimClosed.contentType()).startsWith("application/problem+json");
    assertThat(operator.post("/api/visits/" + ticketId + "/attempts", Map.of("reached", true, "satisfaction", "SATISFIED"))
        .status()).isEqualTo(409);
  }

  /** 重办 through the real pipeline: feedback reopens, dispatch hands the case back, the unit answers again. */
  @Test
  void aDissatisfiedCitizenSendsTheCaseBackToItsUnitWhichAnswersAgain() {
    HttpJson hongshan = signIn("hongshan");
    Reply registered = operator.post("/api/complaints", Map.of(
        "callerName", "李四", "callerPhone", "13912340000", "district", "HONGSHAN", "category", "DAMAGED_ROADS",
        "urgency", "NORMAL", "address", "洪山区珞喻路1号", "description", "人行道地砖松动多处"));
    String ticketId = registered.body().path("ticketId").asString();
    await().atMost(WAIT).until(() -> hongshan.get("/api/cases/" + ticketId).status() == 200);
    claimAndResolve(hongshan, ticketId, "已更换松动地砖");
    assertThat(rate(ticketId, "DISSATISFIED").path("state").asString()).isEqualTo("AWAITING_RESOLUTION");

    await().atMost(WAIT).until(() -> dispatcher.get("/api/cases/" + ticketId).body().path("reopenCount").asInt() == 1);
    JsonNode reopened = dispatcher.get("/api/cases/" + ticketId).body();
    assertThat(reopened.path("state").asString()).isEqualTo("DISPATCHED");
    assertThat(reopened.path("unitId").asString()).isEqualTo("HONGSHAN_CGJ");
    claimAndResolve(hongshan, ticketId, "已整段重铺人行道");
    assertThat(rate(ticketId, "SATISFIED").path("state").asString()).isEqualTo("CLOSED");

    await().atMost(WAIT).until(() -> dispatcher.get("/api/cases/" + ticketId).body().path("state").asString().equals("CLOSED"));
    await().atMost(WAIT).untilAsserted(() -> assertThat(operator.get("/api/complaints/" + ticketId).body()
        .path("timeline").valueStream().map(t -> t.path("note").asString()).toList())
        .contains("重办 (第 1 次)", "重办, 再次交 洪山区城管局 办理", "已整段重铺人行道", "结案: SATISFIED"));
  }

  private void claimAndResolve(HttpJson unit, String ticketId, String reply) {
    assertThat(unit.post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(200);
    assertThat(unit.post("/api/cases/" + ticketId + "/resolve", Map.of("reply", reply)).status()).isEqualTo(200);
  }

  /** Waits for the return visit to be open, then records the citizen's rating. */
  private JsonNode rate(String ticketId, String satisfaction) {
    await().atMost(WAIT).until(() -> operator.get("/api/visits?size=200").body().path("items").valueStream()
        .anyMatch(v -> v.path("ticketId").asString().equals(ticketId) && v.path("state").asString().equals("OPEN")));
    Reply rated = operator.post("/api/visits/" + ticketId + "/attempts",
        Map.of("reached", true, "satisfaction", satisfaction, "comment", "路面情况"));
    assertThat(rated.status()).isEqualTo(200);
    return rated.body();
  }

  @Test
  void unknownTicketsAre404AndMalformedBodiesAre400NamingTheField() {
    assertThat(operator.get("/api/complaints/WH20000101000000").status()).isEqualTo(404);
    assertThat(dispatcher.get("/api/cases/WH20000101000000").status()).isEqualTo(404);
    // An unknown urgency is one broken rule among the call's others, all in the same 400 (SPEC §7).
    Reply malformed = operator.post("/api/complaints", Map.of("callerName", "张三", "urgency", "SOMEDAY"));
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
        .containsExactly("address", "callerPhone", "category", "description", "district", "urgency");
    assertThat(malformed.body().path("errors").valueStream()
        .filter(e -> e.path("field").asString().equals("urgency")).findFirst().orElseThrow().path("message").asString())
        .isEqualTo("must be one of EMERGENCY, URGENT, NORMAL, not \"SOMEDAY\"");
  }

  @Test
  void theGatewayKeepsAWellFormedRequestIdAndMakesOneOtherwise() {
    Reply reply = operator.get("/api/reference/districts");
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().valueStream().map(d -> d.path("code").asString()).toList()).contains("JIANGAN", "EAST_LAKE_SCENIC");
    assertThat(reply.requestId()).matches("[0-9a-f-]{36}");
  }

  @Test
  void theServicesTrustTheGatewaysKeysAndScopeBureausToTheirUnit() {
    Map<String, Object> call = Map.of(
        "callerName", "李娜", "callerPhone", "13900001111", "confidential", true, "district", "WUCHANG",
        "category", "SANITATION", "urgency", "URGENT", "address", "武昌区中北路1号", "description", "垃圾未清运");
    String ticketId = operator.post("/api/complaints", call).body().path("ticketId").asString();
    await().atMost(WAIT).until(() -> dispatcher.get("/api/cases/" + ticketId).status() == 200);

    assertThat(operator.get("/api/complaints/" + ticketId).body().path("callerPhone").asString()).isEqualTo("13900001111");
    assertThat(leader.get("/api/complaints/" + ticketId).body().path("callerPhone").asString()).isEqualTo("139****1111");
    assertThat(bureau.get("/api/complaints/" + ticketId).status()).as("another unit's work order").isEqualTo(404);
    assertThat(bureau.get("/api/cases/" + ticketId).status()).as("another unit's case").isEqualTo(404);
    assertThat(bureau.post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(404);
    assertThat(leader.post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(403);
    assertThat(gateway.get("/api/cases/" + ticketId).status()).isEqualTo(401);
  }
}
