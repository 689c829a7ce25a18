package city.hotline.intake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import city.hotline.intake.complaint.WorkOrders;
import city.hotline.intake.open311.Open311Client;
import city.hotline.intake.webhook.TestReceiver;
import city.hotline.support.HotlineProperties;
import city.hotline.support.kafka.EventCodec;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceIntegrationTest;
import city.hotline.testsupport.ServiceTestSupport;
import city.hotline.testsupport.TestTokens;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** Intake against a real (embedded KRaft) Kafka broker and a Mongo-wire server, over HTTP. */
public class IntakeIntegrationTest extends ServiceIntegrationTest {

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "intake-it");
    // the webhook test's receiver listens on plain http on 127.0.0.1, which the defaults refuse (https, no loopback)
    registry.add("hotline.webhooks.https-only", () -> "false");
    registry.add("hotline.webhooks.allowed-networks", () -> "127.0.0.0/8");
    registry.add("hotline.webhooks.settle", () -> "0s");
  }

  @Override
  protected List<String> probedTopics() {
    return List.of("hotline.intake.events", "hotline.intake-service.dlt");
  }

  public static Map<String, Object> call() {
    Map<String, Object> body = new HashMap<>();
    body.put("callerName", "张三");
    body.put("callerPhone", "13812341234");
    body.put("district", "JIANGAN");
    body.put("category", "STREET_LIGHTING");
    body.put("urgency", "NORMAL");
    body.put("address", "江岸区解放大道1000号");
    body.put("description", "路灯不亮已经三天");
    return body;
  }

  @Test
  void registeringACallStoresItWithATicketNumberAndPublishesComplaintRegistered() {
    Reply reply = as("OPERATOR").post("/api/complaints", call());

    assertThat(reply.status()).isEqualTo(201);
    String ticketId = reply.body().path("ticketId").asString();
    assertThat(ticketId).matches("WH\\d{8}\\d{6}");
    assertThat(reply.body().path("status").asString()).isEqualTo("REGISTERED");
    assertThat(reply.body().path("callerPhone").asString()).isEqualTo("13812341234");

    await().atMost(WAIT).until(() -> !probe.events(ticketId).isEmpty());
    JsonNode event = probe.events(ticketId).get(0);
    assertThat(event.path("eventType").asString()).isEqualTo("ComplaintRegistered");
    assertThat(event.path("schemaVersion").asInt()).isEqualTo(1);
    assertThat(event.path("producer").asString()).isEqualTo("intake-service");
    assertThat(event.path("payload").path("facts").path("district").asString()).isEqualTo("JIANGAN");
    assertThat(event.path("payload").path("facts").path("urgency").asString()).isEqualTo("NORMAL");
    assertThat(event.path("payload").path("channel").asString()).as("the default").isEqualTo("PHONE");
    assertThat(as("OPERATOR").get("/api/complaints/" + ticketId).body().path("timeline").get(0).path("status").asString())
        .isEqualTo("REGISTERED");
  }

  @Test
  void theRequestIdTravelsWithTheEventItCaused() {
    String ticketId = as("OPERATOR").withRequestId("operator-desk-7-0001").post("/api/complaints", call())
        .body().path("ticketId").asString();
    await().atMost(WAIT).until(() -> probe.records().stream().anyMatch(r -> ticketId.equals(r.key())
        && r.headers().lastHeader("X-Request-Id") != null
        && new String(r.headers().lastHeader("X-Request-Id").value()).equals("operator-desk-7-0001")));
  }

  @Test
  void aRetriedRegistrationWithItsIdempotencyKeyGetsTheSameTicketAndNoSecondEvent() {
    String key = "retry-" + UUID.randomUUID();
    Reply first = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", call());
    Reply retry = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", call());

    assertThat(first.status()).isEqualTo(201);
    assertThat(retry.status()).isEqualTo(201);
    String ticketId = first.body().path("ticketId").asString();
    assertThat(retry.body().path("ticketId").asString()).isEqualTo(ticketId);
    String later = as("OPERATOR").post("/api/complaints", call()).body().path("ticketId").asString();
    await().atMost(WAIT).until(() -> !probe.events(later).isEmpty());
    assertThat(probe.events(ticketId)).hasSize(1);
  }

  @Test
  void theSameIdempotencyKeyWithADifferentCallIs422AndABadKeyIs400() {
    String key = "reuse-" + UUID.randomUUID();
    assertThat(as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", call()).status())
        .isEqualTo(201);
    Map<String, Object> other = call();
    other.put("description", "另一个问题");
    Reply reused = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", other);
    assertThat(reused.status()).isEqualTo(422);
    assertThat(reused.contentType()).startsWith("application/problem+json");

    Reply bad = as("OPERATOR").withHeader("Idempotency-Key", "has spaces!").post("/api/complaints", call());
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").get(0).path("field").asString()).isEqualTo("Idempotency-Key");
  }

  @Test
  void eachNewWorkOrderIsCountedOnceByChannelAndTypeAndNeverForARetryOrARefusal(@Autowired MeterRegistry meters) {
    Map<String, Object> suggestion = call(); // the only test calling by WeChat with a suggestion: its own series
    suggestion.put("channel", "WECHAT");
    suggestion.put("type", "SUGGESTION");
    double before = registeredCalls(meters, "WECHAT", "SUGGESTION");
    String key = "count-" + UUID.randomUUID();

    Reply first = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", suggestion);
    Reply retry = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", suggestion);
    Map<String, Object> other = new HashMap<>(suggestion);
    other.put("description", "另一个建议");
    Reply reused = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", other);
    Map<String, Object> invalid = new HashMap<>(suggestion);
    invalid.put("district", "ATLANTIS");
    Reply refused = as("OPERATOR").post("/api/complaints", invalid);

    assertThat(List.of(first.status(), retry.status())).containsExactly(201, 201);
    assertThat(retry.body().path("ticketId").asString()).isEqualTo(first.body().path("ticketId").asString());
    assertThat(List.of(reused.status(), refused.status())).containsExactly(422, 400);
    assertThat(registeredCalls(meters, "WECHAT", "SUGGESTION") - before).isEqualTo(1.0);
    assertThat(as("OPERATOR").post("/api/complaints", suggestion).status()).isEqualTo(201);
    assertThat(registeredCalls(meters, "WECHAT", "SUGGESTION") - before).isEqualTo(2.0);
  }

  private static double registeredCalls(MeterRegistry meters, String channel, String type) {
    Counter counter = meters.find("hotline.calls.registered").tags("channel", channel, "type", type).counter();
    return counter == null ? 0 : counter.count();
  }

  @Test
  void aConsultationAnsweredOnThePhoneIsClosedAtOnceWithItsAnswer() {
    Map<String, Object> consultation = call();
    consultation.put("type", "CONSULTATION");
    consultation.put("closeDirectly", true);
    consultation.put("answer", "路灯报修可拨打12345，一般三个工作日内修复");
    Reply reply = as("OPERATOR").post("/api/complaints", consultation);

    assertThat(reply.status()).isEqualTo(201);
    assertThat(reply.body().path("status").asString()).isEqualTo("CLOSED");
    assertThat(reply.body().path("timeline").valueStream().map(t -> t.path("status").asString()).toList())
        .containsExactly("REGISTERED", "CLOSED");
    String ticketId = reply.body().path("ticketId").asString();
    await().atMost(WAIT).until(() -> !probe.events(ticketId).isEmpty());
    assertThat(probe.events(ticketId).get(0).path("payload").path("closedDirectly").asBoolean()).isTrue();
    assertThat(probe.events(ticketId).get(0).path("payload").path("type").asString()).isEqualTo("CONSULTATION");
  }

  @Test
  void onlyAConsultationWithAnAnswerCanBeClosedDirectly() {
    Map<String, Object> complaint = call();
    complaint.put("closeDirectly", true);
    Reply reply = as("OPERATOR").post("/api/complaints", complaint);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
        .containsExactly("answer", "closeDirectly");
  }

  @Test
  void streetCoordinatesAndAttachmentsAreKeptAndChecked() {
    Map<String, Object> located = call();
    located.put("street", "大智街");
    located.put("location", Map.of("longitude", 114.2886, "latitude", 30.5896));
    located.put("attachments", List.of("media://calls/2026/11/23/0001.jpg"));
    JsonNode stored = as("OPERATOR").post("/api/complaints", located).body();
    assertThat(stored.path("street").asString()).isEqualTo("大智街");
    assertThat(stored.path("location").path("latitude").asDouble()).isEqualTo(30.5896);
    assertThat(stored.path("attachments").get(0).asString()).isEqualTo("media://calls/2026/11/23/0001.jpg");

    located.put("location", Map.of("longitude", 214.0, "latitude", 30.5));
    Reply bad = as("OPERATOR").post("/api/complaints", located);
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").get(0).path("field").asString()).isEqualTo("location.longitude");
  }

  @Test
  void anOperatorFindsACallersRecentTicketsByPhoneNewestFirst() {
    Map<String, Object> first = call();
    first.put("callerPhone", "13600001234");
    Map<String, Object> second = call();
    second.put("callerPhone", "13600001234");
    String older = as("OPERATOR").post("/api/complaints", first).body().path("ticketId").asString();
    String newer = as("OPERATOR").post("/api/complaints", second).body().path("ticketId").asString();

    Reply found = as("OPERATOR").get("/api/complaints?phone=13600001234");
    assertThat(found.body().valueStream().map(c -> c.path("ticketId").asString()).toList()).containsExactly(newer, older);
    assertThat(found.body().get(0).path("callerPhone").asString()).isEqualTo("13600001234");
    assertThat(as("LEADER").get("/api/complaints?phone=13600001234").body().get(0).path("callerPhone").asString())
        .isEqualTo("136****1234");
    assertThat(as("BUREAU", "JIANGAN_CGJ").get("/api/complaints?phone=13600001234").status()).isEqualTo(403);
    assertThat(as("OPERATOR").get("/api/complaints?phone=13699999999").body().size()).isZero();
    Reply bad = as("OPERATOR").get("/api/complaints?phone=abc");
    assertThat(bad.status()).isEqualTo(400);
    assertThat(bad.body().path("errors").get(0).path("field").asString()).isEqualTo("phone");
  }

  @Test
  void consecutiveRegistrationsGetConsecutiveTicketNumbers() {
    String first = as("OPERATOR").post("/api/complaints", call()).body().path("ticketId").asString();
    String second = as("OPERATOR").post("/api/complaints", call()).body().path("ticketId").asString();
    assertThat(Long.parseLong(second.substring(10))).isEqualTo(Long.parseLong(first.substring(10)) + 1);
  }

  /** The day's counter is set back by hand, as a faulty store once did under load: no call may take another's ticket. */
  @Test
  void aNumberTheSequenceHandsOutTwiceNeverMakesTwoCallsOneTicket(@Autowired MongoDatabase database) {
    Map<String, Object> first = call();
    first.put("callerPhone", "13500000001");
    String taken = as("OPERATOR").post("/api/complaints", first).body().path("ticketId").asString();
    Runnable setBack = () -> database.getCollection("ticket_counters")
        .updateOne(Filters.eq("_id", taken.substring(0, 10)), Updates.inc("seq", -1L));

    setBack.run();
    Map<String, Object> keyed = call();
    keyed.put("callerPhone", "13500000002");
    String key = "reused-number-" + UUID.randomUUID();
    Reply second = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", keyed);
    setBack.run();
    Map<String, Object> unkeyed = call();
    unkeyed.put("callerPhone", "13500000003");
    Reply third = as("OPERATOR").post("/api/complaints", unkeyed);
    setBack.run();
    Reply sameWordsAgain = as("OPERATOR").post("/api/complaints", unkeyed); // a second caller, word for word the same

    assertThat(second.status()).isEqualTo(201);
    assertThat(third.status()).isEqualTo(201);
    List<String> tickets = List.of(taken, second.body().path("ticketId").asString(), third.body().path("ticketId").asString(),
        sameWordsAgain.body().path("ticketId").asString());
    assertThat(tickets).doesNotHaveDuplicates();
    assertThat(as("OPERATOR").get("/api/complaints/" + taken).body().path("callerPhone").asString()).isEqualTo("13500000001");
    assertThat(second.body().path("callerPhone").asString()).isEqualTo("13500000002");
    assertThat(as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", keyed).body().path("ticketId").asString())
        .as("a retry finds the number its call was registered under").isEqualTo(tickets.get(1));
    assertThat(as("OPERATOR").get("/api/complaints?phone=13500000002").body().valueStream()
        .map(c -> c.path("ticketId").asString()).toList()).containsExactly(tickets.get(1));
    await().atMost(WAIT).until(() -> tickets.stream().allMatch(t -> probe.events(t).size() == 1));
  }

  @Test
  void everyBrokenRuleIsReportedAtOnceAndNothingIsStored() {
    Map<String, Object> body = call();
    body.put("callerPhone", "12345");
    body.put("district", "ATLANTIS");
    body.remove("description");

    Reply reply = as("OPERATOR").post("/api/complaints", body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    List<String> fields = reply.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
    assertThat(fields).containsExactly("callerPhone", "description", "district");
  }

  @Test
  void unknownEnumNamesAreReportedWithTheAllowedOnesTogetherWithEveryOtherBrokenRule() {
    Map<String, Object> body = call();
    body.put("urgency", "SOON");
    body.put("channel", "PIGEON");
    body.remove("description");

    Reply reply = as("OPERATOR").post("/api/complaints", body);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    Map<String, String> errors = reply.body().path("errors").valueStream()
        .collect(Collectors.toMap(e -> e.path("field").asString(), e -> e.path("message").asString()));
    assertThat(errors).containsOnlyKeys("channel", "description", "urgency");
    assertThat(errors.get("urgency")).isEqualTo("must be one of EMERGENCY, URGENT, NORMAL, not \"SOON\"");
    assertThat(errors.get("channel")).isEqualTo("must be one of PHONE, WEB, APP, WECHAT, SMS, EMAIL, OPEN311, not \"PIGEON\"");
    assertThat(errors.get("description")).isEqualTo("is required");
  }

  @Test
  void anUnknownTicketIs404() {
    Reply reply = as("OPERATOR").get("/api/complaints/WH20000101999999");
    assertThat(reply.status()).isEqualTo(404);
    assertThat(reply.contentType()).startsWith("application/problem+json");
  }

  @Test
  void theTimelineFollowsDispatchEventsOnceEachEvenWhenRedelivered() {
    String ticketId = as("OPERATOR").post("/api/complaints", call()).body().path("ticketId").asString();
    String dispatched = """
        {"eventId":"%s","eventType":"CaseDispatched","schemaVersion":1,"occurredAt":"%s","ticketId":"%s",
         "producer":"dispatch-service","futureField":"ignored",
         "payload":{"facts":{"district":"JIANGAN","category":"STREET_LIGHTING","urgency":"NORMAL","unitId":"JIANGAN_CGJ"},
                    "unitName":"江岸区城管局","ruleId":"JIANGAN|*@v1","actor":"system"}}
        """.formatted(UUID.randomUUID(), Instant.now().plusSeconds(1), ticketId);

    probe.publish("hotline.dispatch.events", ticketId, dispatched);
    probe.publish("hotline.dispatch.events", ticketId, dispatched);

    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode complaint = as("OPERATOR").get("/api/complaints/" + ticketId).body();
      assertThat(complaint.path("status").asString()).isEqualTo("DISPATCHED");
      assertThat(complaint.path("timeline").valueStream().map(t -> t.path("status").asString()).toList())
          .containsExactly("REGISTERED", "DISPATCHED");
    });
  }

  @Test
  void aReturnPressAndManualDispatchShowOnTheTimelineAndOnlyStateChangesMoveTheStatus() {
    String ticketId = as("OPERATOR").post("/api/complaints", call()).body().path("ticketId").asString();
    String facts = "{\"district\":\"JIANGAN\",\"category\":\"STREET_LIGHTING\",\"urgency\":\"NORMAL\",\"unitId\":\"JIANGAN_CGJ\"}";
    Instant t = Instant.now().plusSeconds(1);
    String envelope = """
        {"eventId":"%s","eventType":"%s","schemaVersion":1,"occurredAt":"%s","ticketId":"%s","producer":"dispatch-service","payload":%s}""";
    probe.publish("hotline.dispatch.events", ticketId, envelope.formatted(UUID.randomUUID(), "CaseDispatched",
        t.minusMillis(500), ticketId, "{\"facts\":" + facts + ",\"unitName\":\"江岸区城管局\",\"ruleId\":\"JIANGAN|*@v1\",\"actor\":\"system\"}"));
    await().atMost(WAIT).until(() -> as("BUREAU", "JIANGAN_CGJ").get("/api/complaints/" + ticketId).status() == 200);
    probe.publish("hotline.dispatch.events", ticketId, envelope.formatted(UUID.randomUUID(), "CaseReturned", t, ticketId,
        "{\"facts\":" + facts + ",\"actor\":\"江岸区城管局\",\"reason\":\"NOT_OUR_DISTRICT\",\"note\":\"属武昌区\",\"returnCount\":1}"));
    probe.publish("hotline.dispatch.events", ticketId, envelope.formatted(UUID.randomUUID(), "CasePressed", t.plusSeconds(1),
        ticketId, "{\"facts\":" + facts + ",\"actor\":\"派单员\",\"note\":\"请尽快\"}"));
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode complaint = as("OPERATOR").get("/api/complaints/" + ticketId).body();
      assertThat(complaint.path("status").asString()).as("a press is a note, not a state").isEqualTo("RETURNED");
      assertThat(as("BUREAU", "JIANGAN_CGJ").get("/api/complaints/" + ticketId).status())
          .as("the unit that returned it no longer sees it").isEqualTo(404);
      assertThat(complaint.path("timeline").valueStream().map(s -> s.path("note").asString()).toList())
          .contains("退单 (NOT_OUR_DISTRICT): 属武昌区", "督办: 请尽快");
    });
    probe.publish("hotline.dispatch.events", ticketId, envelope.formatted(UUID.randomUUID(), "CaseDispatched",
        t.plusSeconds(2), ticketId, "{\"facts\":" + facts.replace("JIANGAN_CGJ", "WUCHANG_CGJ")
            + ",\"unitName\":\"武昌区城管局\",\"ruleId\":\"MANUAL\",\"actor\":\"派单员\",\"cause\":\"MANUAL\"}"));
    await().atMost(WAIT).untilAsserted(() -> {
      JsonNode complaint = as("OPERATOR").get("/api/complaints/" + ticketId).body();
      assertThat(complaint.path("status").asString()).isEqualTo("DISPATCHED");
      assertThat(complaint.path("timeline").valueStream().map(s -> s.path("note").asString()).toList())
          .contains("人工派单至 武昌区城管局");
    });
  }

  @Test
  void aMalformedEventGoesToTheDeadLetterTopicAndTheTopicKeepsFlowing() {
    String ticketId = as("OPERATOR").post("/api/complaints", call()).body().path("ticketId").asString();
    probe.publish("hotline.dispatch.events", ticketId, "{not json");
    String claimed = """
        {"eventId":"%s","eventType":"CaseClaimed","schemaVersion":1,"occurredAt":"%s","ticketId":"%s","producer":"dispatch-service",
         "payload":{"facts":{"district":"JIANGAN","category":"STREET_LIGHTING","urgency":"NORMAL","unitId":"JIANGAN_CGJ"},"actor":"bureau","onTime":true}}
        """.formatted(UUID.randomUUID(), Instant.now().plusSeconds(1), ticketId);
    probe.publish("hotline.dispatch.events", ticketId, claimed);

    await().atMost(WAIT).untilAsserted(() ->
        assertThat(as("OPERATOR").get("/api/complaints/" + ticketId).body().path("status").asString()).isEqualTo("CLAIMED"));
    await().atMost(WAIT).until(() -> probe.records().stream()
        .anyMatch(r -> r.topic().equals("hotline.intake-service.dlt") && "{not json".equals(r.value())
            && r.headers().lastHeader("kafka_dlt-exception-message") != null));
  }

  @Test
  void withoutAValidTokenNothingIsServed() {
    Reply anonymous = anonymous().post("/api/complaints", call());
    assertThat(anonymous.status()).isEqualTo(401);
    assertThat(anonymous.contentType()).startsWith("application/problem+json");
    assertThat(anonymous().withToken(TestTokens.expired("operator", null, "OPERATOR")).get("/api/reference/districts").status())
        .isEqualTo(401);
    assertThat(anonymous().withToken(TestTokens.signedByAnotherKey("operator", null, "OPERATOR"))
        .post("/api/complaints", call()).status()).isEqualTo(401);
  }

  @Test
  void onlyOperatorsRegisterCalls() {
    for (String role : List.of("BUREAU", "DISPATCHER", "LEADER", "ADMIN")) {
      assertThat(as(role, role.equals("BUREAU") ? "JIANGAN_CGJ" : null).post("/api/complaints", call()).status())
          .as(role).isEqualTo(403);
    }
  }

  @Test
  void onlyOperatorsSeeTheFullPhoneAndOnlyTheHandlingBureauSeesTheOrderWithoutAConfidentialCaller() {
    Map<String, Object> confidential = call();
    confidential.put("confidential", true);
    String ticketId = as("OPERATOR").post("/api/complaints", confidential).body().path("ticketId").asString();
    assertThat(as("BUREAU", "JIANGAN_CGJ").get("/api/complaints/" + ticketId).status()).as("not routed yet").isEqualTo(404);
    probe.publish("hotline.dispatch.events", ticketId, dispatchedTo(ticketId, "JIANGAN_CGJ"));
    await().atMost(WAIT).until(() -> as("BUREAU", "JIANGAN_CGJ").get("/api/complaints/" + ticketId).status() == 200);

    JsonNode operator = as("OPERATOR").get("/api/complaints/" + ticketId).body();
    assertThat(operator.path("callerName").asString()).isEqualTo("张三");
    assertThat(operator.path("callerPhone").asString()).isEqualTo("13812341234");
    JsonNode leader = as("LEADER").get("/api/complaints/" + ticketId).body();
    assertThat(leader.path("callerName").asString()).isEqualTo("张三");
    assertThat(leader.path("callerPhone").asString()).isEqualTo("138****1234");
    JsonNode bureau = as("BUREAU", "JIANGAN_CGJ").get("/api/complaints/" + ticketId).body();
    assertThat(bureau.path("callerName").isNull()).isTrue();
    assertThat(bureau.path("callerPhone").isNull()).isTrue();
    assertThat(as("BUREAU", "WUCHANG_CGJ").get("/api/complaints/" + ticketId).status()).isEqualTo(404);
  }

  @Test
  void aKnowledgeEditorReadsNoWorkOrderNorItsCallersName() {
    Map<String, Object> confidential = call();
    confidential.put("confidential", true);
    String ticketId = as("OPERATOR").post("/api/complaints", confidential).body().path("ticketId").asString();
    Reply editor = as("KNOWLEDGE_EDITOR").get("/api/complaints/" + ticketId);
    assertThat(editor.status()).isEqualTo(403);
    assertThat(editor.contentType()).startsWith("application/problem+json");
    assertThat(as("KNOWLEDGE_EDITOR").get("/api/complaints?phone=13812341234").status()).isEqualTo(403);
    assertThat(as("ADMIN").get("/api/complaints/" + ticketId).status()).as("the roles that work tickets still read")
        .isEqualTo(200);
  }

  /** Each test's web citizen: a phone of its own (ending 5678), as each phone makes a few web reports a day. */
  private String webPhone;

  @BeforeEach
  void newWebCitizen() {
    webPhone = "13" + ThreadLocalRandom.current().nextInt(30_000, 100_000) + "5678";
  }

  /** 我要反映: a citizen's report from the public page, as track.html sends it. */
  private Map<String, Object> webReport() {
    Map<String, Object> body = new HashMap<>();
    body.put("phone", webPhone);
    body.put("category", "STREET_LIGHTING");
    body.put("district", "JIANGAN");
    body.put("address", "江岸区解放大道1000号");
    body.put("description", "路灯不亮, 我是李四");
    body.put("smsOptOut", true);
    return body;
  }

  @Test
  void aCitizenReportsFromTheWebPageAndFollowsItWithTheLastFourDigitsWithoutAnAccount() {
    String key = "web-" + UUID.randomUUID();
    Reply first = anonymous().withHeader("Idempotency-Key", key).post("/api/public/reports", webReport());
    Reply doubleTap = anonymous().withHeader("Idempotency-Key", key).post("/api/public/reports", webReport());
    assertThat(first.status()).isEqualTo(201);
    String ticketId = first.body().path("ticketId").asString();
    assertThat(first.body().path("statusName").asString()).isEqualTo("已受理");
    assertThat(doubleTap.body().path("ticketId").asString()).as("one submission, one ticket").isEqualTo(ticketId);
    assertThat(first.raw()).doesNotContain(webPhone, "网上市民");
    await().atMost(WAIT).until(() -> !probe.events(ticketId).isEmpty());
    JsonNode registered = probe.events(ticketId).get(0).path("payload");
    assertThat(registered.path("channel").asString()).isEqualTo("WEB");
    assertThat(registered.path("callerName").asString()).as("no name given").isEqualTo("网上市民");
    assertThat(registered.path("smsOptOut").asBoolean()).isTrue();

    probe.publish("hotline.dispatch.events", ticketId, dispatchedTo(ticketId, "JIANGAN_CGJ"));
    await().atMost(WAIT).until(() -> "DISPATCHED".equals(progress(ticketId, "5678").body().path("status").asString()));
    Reply progress = progress(ticketId, "5678");
    assertThat(progress.body().path("districtName").asString()).isEqualTo("江岸区");
    assertThat(progress.body().path("unitName").asString()).isEqualTo("区城管局");
    assertThat(progress.body().path("steps").valueStream().map(step -> step.path("note").asString()).toList())
        .containsExactly("您反映的问题已受理", "派单至 区城管局");
    assertThat(progress.raw()).doesNotContain(webPhone, "李四", "解放大道", "system");

    Reply wrongDigits = progress(ticketId, "5679");
    Reply unknown = progress("WH20000101999999", "5678");
    assertThat(wrongDigits.status()).isEqualTo(404);
    assertThat(wrongDigits.contentType()).startsWith("application/problem+json");
    assertThat(wrongDigits.raw()).as("a wrong number tells nothing an unknown ticket does not").isEqualTo(unknown.raw());
  }

  @Test
  void aWebReportIsRefusedNamingItsOwnFieldsAndAProgressCheckNamesItsBrokenRules() {
    Map<String, Object> broken = webReport();
    broken.put("name", "李".repeat(51));
    broken.remove("phone");
    broken.put("district", "ATLANTIS");
    Reply refused = anonymous().post("/api/public/reports", broken);
    assertThat(refused.status()).isEqualTo(400);
    assertThat(refused.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
        .containsExactlyInAnyOrder("name", "phone", "district");

    Reply badCheck = anonymous().post("/api/public/progress", Map.of("ticketId", "WH 1", "phoneLast4", "56789"));
    assertThat(badCheck.status()).isEqualTo(400);
    assertThat(badCheck.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
        .containsExactlyInAnyOrder("ticketId", "phoneLast4");
  }

  @Test
  void aTicketNumberTakesAFewWrongTriesAnHourThenEveryTryAtItWaitsAlikeKnownOrNot() {
    long hour = Duration.ofHours(1).toMillis(); // hotline.citizen.try-window
    long windowAtStart = System.currentTimeMillis() / hour;
    String known = anonymous().post("/api/public/reports", webReport()).body().path("ticketId").asString();
    String unknown = "WH20000102" + String.format("%06d", (int) (Math.random() * 999_999));
    for (int wrong = 0; wrong < 5; wrong++) { // hotline.citizen.wrong-tries
      assertThat(progress(known, "0000").status()).isEqualTo(404);
      assertThat(progress(unknown, "0000").status()).isEqualTo(404);
    }
    Reply right = progress(known, "5678");
    Reply guess = progress(unknown, "5678");
    assumeTrue(System.currentTimeMillis() / hour == windowAtStart,
        "the tries were counted across the turn of an hour");

    assertThat(right.status()).as("even the right digits wait").isEqualTo(429);
    assertThat(right.retryAfter()).isNotNull();
    assertThat(guess.status()).isEqualTo(429);
    assertThat(guess.body()).isEqualTo(right.body());
    assertThat(progress(anonymous().post("/api/public/reports", webReport()).body().path("ticketId").asString(), "5678")
        .status()).as("another ticket is not held up").isEqualTo(200);
  }

  @Test
  void aPhoneMakesAFewWebReportsAWindowThenIsToldToCall12345AndARetryStillGetsItsTicket() {
    String firstKey = "web-" + UUID.randomUUID();
    String first = anonymous().withHeader("Idempotency-Key", firstKey).post("/api/public/reports", webReport()).body()
        .path("ticketId").asString();
    for (int more = 1; more < 3; more++) { // hotline.citizen.reports-per-phone
      assertThat(anonymous().post("/api/public/reports", webReport()).status()).isEqualTo(201);
    }
    Reply fourth = anonymous().post("/api/public/reports", webReport());
    assertThat(fourth.status()).isEqualTo(429);
    assertThat(fourth.retryAfter()).isNotNull();
    assertThat(fourth.body().path("detail").asString()).contains("12345");
    assertThat(as("OPERATOR").get("/api/complaints?phone=" + webPhone).body().size()).as("the fourth is not stored")
        .isEqualTo(3);
    Reply retry = anonymous().withHeader("Idempotency-Key", firstKey).post("/api/public/reports", webReport());
    assertThat(retry.body().path("ticketId").asString()).as("a retry past the cap").isEqualTo(first);
  }

  @Test
  void thePublicReferenceListsTheCodesAndNamesTheReportFormOffersForBrowsersToKeep() throws Exception {
    HttpResponse<Void> cached = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create("http://localhost:" + port + "/api/public/reference")).build(), HttpResponse.BodyHandlers.discarding());
    assertThat(cached.headers().firstValue("Cache-Control")).hasValue("max-age=3600, public");
    JsonNode reference = anonymous().get("/api/public/reference").body();
    assertThat(reference.path("districts").valueStream().map(d -> d.path("code").asString()).toList())
        .contains("JIANGAN", "WUCHANG");
    assertThat(reference.path("categories").get(0).path("name").asString()).isNotBlank();
  }

  private Reply progress(String ticketId, String lastFour) {
    return anonymous().post("/api/public/progress", Map.of("ticketId", ticketId, "phoneLast4", lastFour));
  }

  private static String dispatchedTo(String ticketId, String unitId) {
    return """
        {"eventId":"%s","eventType":"CaseDispatched","schemaVersion":1,"occurredAt":"%s","ticketId":"%s",
         "producer":"dispatch-service",
         "payload":{"facts":{"district":"JIANGAN","category":"STREET_LIGHTING","urgency":"NORMAL","unitId":"%s"},
                    "unitName":"区城管局","ruleId":"rule","actor":"system"}}
        """.formatted(UUID.randomUUID(), Instant.now().plusSeconds(1), ticketId, unitId);
  }

  @Test
  void operatorLikeKeysInABodyNeverBecomeQueryOperators() {
    Map<String, Object> injected = call();
    injected.put("callerName", Map.of("$gt", ""));
    assertThat(as("OPERATOR").post("/api/complaints", injected).status()).isEqualTo(400);

    Map<String, Object> literal = call();
    literal.put("address", "$where: function() { return true }");
    literal.put("a.b", "dotted");
    Reply stored = as("OPERATOR").post("/api/complaints", literal);
    assertThat(stored.status()).isEqualTo(201);
    assertThat(stored.body().path("address").asString()).isEqualTo("$where: function() { return true }");
  }

  @Test
  void withASecondReplicasRelaySweepingAllTheTimeEachRegistrationIsStillPublishedOnce(
      @Autowired KafkaTemplate<String, String> kafka, @Autowired EventCodec codec, @Autowired MongoDatabase database,
      @Autowired HotlineProperties properties) {
    HotlineProperties.Outbox eager = new HotlineProperties.Outbox(properties.outbox().collections(),
        Duration.ofMillis(10), properties.outbox().sweepGrace(), properties.outbox().retryInterval(),
        properties.outbox().sendTimeout(), 100);
    OutboxRelay otherReplica = new OutboxRelay(kafka, codec, database,
        new HotlineProperties(properties.serviceName(), properties.mongo(), properties.kafka(), eager));
    otherReplica.start();
    try {
      List<String> tickets = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        tickets.add(as("OPERATOR").post("/api/complaints", call()).body().path("ticketId").asString());
      }
      await().atMost(WAIT).until(() -> probe.records().stream().map(r -> r.key()).toList().containsAll(tickets));
      await().atMost(WAIT).until(probe::readToEnd);
      Map<String, Long> published = probe.records().stream().filter(r -> tickets.contains(r.key()))
          .collect(Collectors.groupingBy(r -> r.key(), Collectors.counting()));
      assertThat(published).hasSize(tickets.size()).allSatisfy((ticket, times) -> assertThat(times).as(ticket).isOne());
    } finally {
      otherReplica.stop();
    }
  }

  // --- Open311 GeoReport v2 and partners' api keys (open311, partner packages) ---

  private Open311Client open311() {
    return new Open311Client("http://localhost:" + port + "/open311/v2");
  }

  /** A partner registered by an admin: its id and its key, shown this once. */
  private String[] newPartner(String name) {
    Reply created = as("ADMIN").post("/api/admin/partners", Map.of("name", name, "contact", "对接人 027-1"));
    assertThat(created.status()).as(created.raw()).isEqualTo(201);
    return new String[] {created.body().path("id").asString(), created.body().path("apiKey").asString()};
  }

  /** The spec's example report, in Wuhan: form arguments by their spec names. */
  private static Map<String, String> open311Report(String apiKey) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("api_key", apiKey);
    form.put("jurisdiction_id", "wuhan.12345.gov.cn");
    form.put("service_code", "STREET_LIGHTING");
    form.put("lat", "30.622");
    form.put("long", "114.318");
    form.put("address_string", "江岸区解放大道1000号");
    form.put("email", "citizen@example.com");
    form.put("device_id", "tt222111");
    form.put("account_id", "123456");
    form.put("first_name", "芳");
    form.put("last_name", "王");
    form.put("phone", "13812349876");
    form.put("description", "路灯不亮已经三天");
    form.put("media_url", "https://partner.example/photo/1.jpg");
    return form;
  }

  @Test
  void aPartnersReportIsAnOpen311TicketItsOwnAndReadBackInXmlAndJsonWithoutTheCaller(
      @Autowired WorkOrders workOrders) {
    String[] partner = newPartner("武汉城市通");
    assertThat(partner[0]).matches("PT\\d{4}");
    assertThat(partner[1]).matches("[A-Za-z0-9_-]{43}");
    Reply listed = as("ADMIN").get("/api/admin/partners");
    assertThat(listed.raw()).contains(partner[0]).doesNotContain(partner[1], "keyHash");

    Open311Client.Answer posted = open311().postForm("/requests.json", open311Report(partner[1]));
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    assertThat(posted.contentType()).startsWith("application/json");
    JsonNode answer = posted.json().get(0);
    assertThat(answer.propertyNames()).containsExactly("service_request_id", "service_notice", "account_id");
    String ticketId = answer.path("service_request_id").asString();
    assertThat(answer.path("account_id").asString()).isEqualTo("123456");

    await().atMost(WAIT).until(() -> !probe.events(ticketId).isEmpty());
    JsonNode registered = probe.events(ticketId).get(0).path("payload");
    assertThat(registered.path("channel").asString()).isEqualTo("OPEN311");
    assertThat(registered.path("facts").path("district").asString()).isEqualTo("JIANGAN");
    assertThat(registered.path("callerName").asString()).isEqualTo("王芳");
    assertThat(registered.path("actor").asString()).isEqualTo("武汉城市通 (" + partner[0] + ")");
    assertThat(WorkOrders.registeredBy(workOrders.find(ticketId).orElseThrow(), "partner:" + partner[0])).isTrue();

    probe.publish("hotline.dispatch.events", ticketId, """
        {"eventId":"%s","eventType":"CaseDispatched","schemaVersion":1,"occurredAt":"%s","ticketId":"%s",
         "producer":"dispatch-service","payload":{"facts":{"district":"JIANGAN","category":"STREET_LIGHTING",
         "urgency":"NORMAL","unitId":"JIANGAN_CGJ"},"unitName":"江岸区城管局","ruleId":"JIANGAN|*@v1","actor":"system"}}
        """.formatted(UUID.randomUUID(), Instant.now().plusSeconds(1), ticketId));
    await().atMost(WAIT).until(() -> open311().get("/requests/" + ticketId + ".json").body().contains("江岸区城管局"));

    Open311Client.Answer xml = open311().get("/requests/" + ticketId + ".xml");
    assertThat(xml.status()).isEqualTo(200);
    assertThat(xml.contentType()).startsWith("text/xml");
    assertThat(xml.body()).startsWith("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n<service_requests><request>"
        + "<service_request_id>" + ticketId + "</service_request_id><status>open</status>"
        + "<status_notes>已派单至 江岸区城管局</status_notes><service_name>路灯照明</service_name>")
        .contains("<agency_responsible>江岸区城管局</agency_responsible>", "<lat>30.622</lat>", "<long>114.318</long>",
            "<media_url>https://partner.example/photo/1.jpg</media_url>", "<expected_datetime/>")
        .containsPattern("<requested_datetime>\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\+08:00</requested_datetime>");
    Open311Client.Answer listedRequests = open311().get("/requests.json?status=open&service_code=STREET_LIGHTING,OTHER");
    assertThat(listedRequests.json().valueStream().map(r -> r.path("service_request_id").asString()).toList())
        .contains(ticketId);
    assertThat(listedRequests.body() + xml.body()).doesNotContain("王芳", "13812349876", "citizen@example.com",
        "tt222111");
  }

  @Test
  void open311RefusesInTheSpecsErrorFormatNamingTheFieldOrAsProblemJsonWhenAskedTo() {
    String[] partner = newPartner("江城一网通");
    Map<String, String> noPhoneNoPlace = open311Report(partner[1]);
    noPhoneNoPlace.remove("phone");
    noPhoneNoPlace.remove("lat");
    noPhoneNoPlace.remove("long");
    noPhoneNoPlace.put("address_string", "某小区门口");

    Open311Client.Answer keyless = open311().postForm("/requests.xml", open311Report(""));
    Open311Client.Answer invalid = open311().postForm("/requests.json", noPhoneNoPlace);
    Open311Client.Answer problem = open311().withHeader("Accept", "application/problem+json")
        .postForm("/requests.json", noPhoneNoPlace);
    Open311Client.Answer unknownService = open311().get("/services/POTHOLES.json");

    assertThat(keyless.status()).isEqualTo(403);
    assertThat(keyless.body()).contains("<errors><error><code>403</code><description>api_key is required");
    assertThat(invalid.status()).isEqualTo(400);
    assertThat(invalid.json().valueStream().map(e -> e.path("description").asString()).toList())
        .anySatisfy(d -> assertThat(d).startsWith("attribute[district] is required"))
        .anySatisfy(d -> assertThat(d).startsWith("phone is required"));
    assertThat(invalid.json().valueStream().map(e -> e.path("code").asInt()).toList()).containsOnly(400);
    assertThat(problem.contentType()).startsWith("application/problem+json");
    assertThat(problem.json().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
        .containsExactly("attribute[district]", "phone");
    assertThat(unknownService.status()).isEqualTo(404);
    assertThat(unknownService.json().get(0).path("description").asString()).startsWith("service_code POTHOLES");
    Open311Client.Answer plainText = open311().postRaw("/requests.json", "text/plain", "api_key=" + partner[1]);
    assertThat(plainText.status()).isEqualTo(415);
    assertThat(plainText.json().get(0).path("description").asString()).startsWith("Content-Type must be");
    Open311Client.Answer malformed = open311().postRaw("/requests.xml", "application/json", "{\"api_key\":");
    assertThat(malformed.status()).isEqualTo(400);
    assertThat(malformed.body()).contains("<description>body must be a JSON object");
    Open311Client.Answer csv = open311().get("/services.csv");
    assertThat(csv.status()).isEqualTo(404);
    assertThat(csv.json().get(0).path("description").asString()).contains("ending in .json or .xml");

    Reply newKey = as("ADMIN").post("/api/admin/partners/" + partner[0] + "/key", Map.of());
    Open311Client.Answer oldKey = open311().postForm("/requests.json", open311Report(partner[1]));
    assertThat(oldKey.status()).as("the replaced key").isEqualTo(403);
    assertThat(open311().postForm("/requests.json", open311Report(newKey.body().path("apiKey").asString())).status())
        .isEqualTo(201);
    assertThat(as("ADMIN").post("/api/admin/partners/" + partner[0] + "/revoke", Map.of()).body().path("revoked")
        .asBoolean()).isTrue();
    Open311Client.Answer revoked = open311().postForm("/requests.xml",
        open311Report(newKey.body().path("apiKey").asString()));
    assertThat(revoked.status()).isEqualTo(403);
    assertThat(revoked.body()).contains("api_key was revoked");
    assertThat(as("ADMIN").post("/api/admin/partners/" + partner[0] + "/key", Map.of()).status()).isEqualTo(409);
    assertThat(as("OPERATOR").post("/api/admin/partners", Map.of("name", "x")).status()).isEqualTo(403);
    Reply nameless = as("ADMIN").post("/api/admin/partners", Map.of("contact", "x"));
    assertThat(nameless.status()).isEqualTo(400);
    assertThat(nameless.body().path("errors").get(0).path("field").asString()).isEqualTo("name");
  }

  @Test
  void open311ListsOurCategoriesAsServicesWithTheDistrictAttributeAndAReportMayComeAsJson() {
    Open311Client.Answer services = open311().get("/services.xml");
    Open311Client.Answer definition = open311().get("/services/STREET_LIGHTING.json?jurisdiction_id=wuhan.12345.gov.cn");
    Open311Client.Answer discovery = open311().get("/discovery.json");
    Open311Client.Answer elsewhere = open311().get("/services.json?jurisdiction_id=sfgov.org");

    assertThat(services.body()).contains("<service><service_code>STREET_LIGHTING</service_code>"
        + "<service_name>路灯照明</service_name>").contains("<type>realtime</type>", "<group>市政设施</group>");
    JsonNode district = definition.json().path("attributes").get(0);
    assertThat(district.path("code").asString()).isEqualTo("district");
    assertThat(district.path("values").valueStream().map(v -> v.path("key").asString()).toList())
        .contains("JIANGAN", "EAST_LAKE_SCENIC");
    assertThat(discovery.json().path("endpoints").get(0).path("formats").valueStream().map(JsonNode::asString)
        .toList()).containsExactly("text/xml", "application/json");
    assertThat(elsewhere.status()).isEqualTo(404);

    String[] partner = newPartner("光谷e家");
    Map<String, Object> report = new HashMap<>(open311Report(partner[1]));
    report.remove("lat");
    report.remove("long");
    report.put("address_string", "某小区门口");
    report.put("attribute", Map.of("district", "HONGSHAN"));
    Open311Client.Answer posted = open311().withHeader("Idempotency-Key", "partner-" + UUID.randomUUID())
        .postJson("/requests.json", report);
    assertThat(posted.status()).as(posted.body()).isEqualTo(201);
    String ticketId = posted.json().get(0).path("service_request_id").asString();
    assertThat(workOrdersDistrict(ticketId)).isEqualTo("HONGSHAN");
    Map<String, String> withPlusAndSpaces = open311Report(partner[1]);
    withPlusAndSpaces.put("phone", "+86 27 8555 1234");
    Open311Client.Answer multipart = open311().postMultipart("/requests.json", withPlusAndSpaces);
    assertThat(multipart.status()).as(multipart.body()).isEqualTo(201);
  }

  private String workOrdersDistrict(String ticketId) {
    return as("OPERATOR").get("/api/complaints/" + ticketId).body().path("district").asString();
  }

  // --- Partners' webhooks (webhook package) ---

  @Test
  void aPartnersWebhookOnAnAreaGetsEachNewTicketThereSignedAndOnlyAnAdminManagesIt() throws Exception {
    try (TestReceiver receiver = new TestReceiver(Duration.ofSeconds(1))) {
      String partnerId = as("ADMIN").post("/api/admin/partners", Map.of("name", "汉阳区网格平台"))
          .body().path("id").asString();
      String webhooks = "/api/admin/partners/" + partnerId + "/webhooks";
      Map<String, Object> subscription = Map.of("url", receiver.url("hanyang"), "scope", "AREA",
          "district", "HANYANG", "category", "GREENERY");

      assertThat(as("OPERATOR").post(webhooks, subscription).status()).isEqualTo(403);
      Reply invalid = as("ADMIN").post(webhooks, Map.of("url", "partner.example/hook", "scope", "AREA"));
      assertThat(invalid.status()).isEqualTo(400);
      assertThat(invalid.body().path("errors").findValuesAsString("field")).containsExactly("url", "scope");
      assertThat(as("ADMIN").post("/api/admin/partners/PT9999/webhooks", subscription).status()).isEqualTo(404);
      Reply created = as("ADMIN").post(webhooks, subscription);
      assertThat(created.status()).as(created.raw()).isEqualTo(201);
      String webhookId = created.body().path("id").asString();
      receiver.secret("hanyang", created.body().path("secret").asString());
      assertThat(as("ADMIN").get(webhooks).raw()).contains(webhookId).doesNotContain("secret");

      Map<String, Object> greenery = call();
      greenery.put("district", "HANYANG");
      greenery.put("category", "GREENERY");
      String ticketId = as("OPERATOR").post("/api/complaints", greenery).body().path("ticketId").asString();

      await().atMost(WAIT).until(() -> !receiver.taken(ticketId).isEmpty());
      TestReceiver.Received registered = receiver.taken(ticketId).get(0);
      assertThat(registered.ourStatus()).isEqualTo("REGISTERED");
      assertThat(registered.body().path("status").asString()).isEqualTo("open");
      assertThat(registered.body().path("webhookId").asString()).isEqualTo(webhookId);
      assertThat(registered.raw()).doesNotContain("张三", "13812341234");
      assertThat(receiver.refused()).as("bad signatures").isEmpty();
      assertThat(as("ADMIN").get("/api/admin/partners/webhooks/parked").body().path("total").asLong()).isZero();
      Reply rotated = as("ADMIN").post(webhooks + "/" + webhookId + "/secret", Map.of());
      assertThat(rotated.status()).as(rotated.raw()).isEqualTo(200);
      assertThat(rotated.body().path("secret").asString()).hasSize(43).isNotEqualTo(created.body().path("secret").asString());
      assertThat(as("ADMIN").post("/api/admin/partners/webhooks/parked/" + registered.deliveryId() + "/redeliver",
          Map.of()).status()).as("delivered, not parked").isEqualTo(409);

      assertThat(as("ADMIN").delete(webhooks + "/" + webhookId).status()).isEqualTo(204);
      assertThat(as("ADMIN").get(webhooks).body().size()).isZero();
    }
  }
}
