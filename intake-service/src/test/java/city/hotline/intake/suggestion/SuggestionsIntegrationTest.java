package city.hotline.intake.suggestion;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.knowledge.KnowledgeLookup;
import city.hotline.intake.knowledge.KnowledgeLookup.ArticleMatch;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceIntegrationTest;
import city.hotline.testsupport.ServiceTestSupport;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * Suggestions and the registration's new fields through intake's HTTP API: work orders closed by feedback's events
 * are learned from the store, and a consultation cites a 知识库 article (the knowledge base is stubbed here; its own
 * tests are its own).
 */
class SuggestionsIntegrationTest extends ServiceIntegrationTest {
  private static final String FEEDBACK = "hotline.feedback.events";

  /** Stands in for the knowledge base wherever intake's other features ask it (its own endpoints keep theirs). */
  @TestConfiguration
  static class StubbedKnowledge {
    @Bean
    @Primary
    StubKnowledge stubKnowledge() {
      return new StubKnowledge();
    }
  }

  /** Answers what a test told it to, nothing else. */
  static class StubKnowledge implements KnowledgeLookup {
    final Map<String, List<ArticleMatch>> matches = new ConcurrentHashMap<>();
    final Map<String, ArticleMatch> citable = new ConcurrentHashMap<>();

    @Override
    public List<ArticleMatch> matching(String text, int limit) {
      return matches.getOrDefault(text, List.of());
    }

    @Override
    public Optional<ArticleMatch> citable(String articleId) {
      return Optional.ofNullable(citable.get(articleId));
    }
  }

  @Autowired
  StubKnowledge knowledge;

  @Autowired
  ComplaintRepository complaints;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "intake-suggestions-it");
    registry.add("hotline.suggestions.refresh", () -> "200ms");
  }

  @Override
  protected List<String> probedTopics() {
    return List.of("hotline.intake.events");
  }

  private static Map<String, Object> call(String category, String district, String address, String description) {
    Map<String, Object> body = new HashMap<>();
    body.put("callerName", "李娜");
    body.put("callerPhone", "13912345678");
    body.put("district", district);
    body.put("category", category);
    body.put("urgency", "NORMAL");
    body.put("address", address);
    body.put("description", description);
    return body;
  }

  private String register(Map<String, Object> call) {
    Reply reply = as("OPERATOR").post("/api/complaints", call);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    return reply.body().path("ticketId").asString();
  }

  /** 结案 as feedback publishes it, after the unit's handling, now (after the registration). */
  private void close(String ticketId, String district, String category, String unitId) {
    String closed = """
        {"eventId":"%s","eventType":"CaseClosed","schemaVersion":1,"occurredAt":"%s","ticketId":"%s",
         "producer":"feedback-service","payload":{"facts":{"district":"%s","category":"%s","urgency":"NORMAL",
         "unitId":"%s"},"outcome":"SATISFIED","actor":"回访员","comment":""}}
        """.formatted(UUID.randomUUID(), Instant.now(), ticketId, district, category, unitId);
    probe.publish(FEEDBACK, ticketId, closed);
  }

  private Map<String, Object> typing(String description, String address) {
    Map<String, Object> body = new HashMap<>();
    body.put("description", description);
    body.put("address", address);
    return body;
  }

  @Test
  void closedWorkOrdersAreLearnedAndSuggestTheCategoryDistrictUnitAndArticlesAndTheEvaluationReplaysThem() {
    knowledge.matches.put("路灯不亮", List.of(new ArticleMatch("KB000003", "路灯报修与维护责任", 7.5)));
    String first = register(call("STREET_LIGHTING", "JIANGAN", "江岸区黄浦大街1号", "路灯不亮晚上很黑"));
    String second = register(call("SANITATION", "WUCHANG", "武昌区中北路2号", "垃圾堆积无人清运"));
    close(first, "JIANGAN", "STREET_LIGHTING", "JIANGAN_LIGHTS");
    close(second, "WUCHANG", "SANITATION", "WUCHANG_CGJ");
    String third = register(call("OTHER", "JIANGAN", "二七路3号", "路灯不亮")); // after the first two closed
    close(third, "JIANGAN", "STREET_LIGHTING", "JIANGAN_LIGHTS"); // re-categorised by dispatch: what it was handled as

    await().atMost(WAIT).untilAsserted(() -> {
      Reply reply = as("OPERATOR").post("/api/complaints/suggestions", typing("路灯不亮", "黄浦大街100号"));
      assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
      JsonNode s = reply.body();
      assertThat(s.path("categories").path(0).path("code").asString()).isEqualTo("STREET_LIGHTING");
      assertThat(s.path("categories").size()).as("only the categories learned").isEqualTo(2);
      assertThat(s.path("district").path("code").asString()).isEqualTo("JIANGAN");
      assertThat(s.path("district").path("score").asDouble()).isEqualTo(1.0);
      assertThat(s.path("unitId").asString()).isEqualTo("JIANGAN_LIGHTS");
      assertThat(s.path("articles").path(0).path("id").asString()).isEqualTo("KB000003");
      assertThat(s.path("articles").path(0).path("title").asString()).isEqualTo("路灯报修与维护责任");
    });
    assertThat(complaints.find(third).orElseThrow().handledCategory()).isEqualTo("STREET_LIGHTING");

    JsonNode evaluation = as("ADMIN").get("/api/admin/suggestions/evaluation").body();
    assertThat(evaluation.path("orders").asInt()).isEqualTo(3);
    // 1, 2: nothing closed when they were registered; 3: street lighting, as it was handled, from 1 and 2
    assertThat(evaluation.path("category").path("top1").asDouble()).isEqualTo(1.0 / 3);
    assertThat(evaluation.path("category").path("top3").asDouble()).isEqualTo(1.0 / 3);
    assertThat(evaluation.path("district").path("top1").asDouble()).isEqualTo(1.0);
    assertThat(as("OPERATOR").get("/api/admin/suggestions/evaluation").status()).isEqualTo(403);
  }

  @Test
  void aSuggestionNeedsADescriptionOfAtMost2000CharactersAndAPlausiblePoint() {
    Map<String, Object> body = typing("", "x".repeat(201));
    body.put("location", Map.of("longitude", 300, "latitude", 30.5));
    Reply reply = as("OPERATOR").post("/api/complaints/suggestions", body);
    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("errors").valueStream().map(e -> e.path("field").asString() + " "
        + e.path("message").asString()).toList()).as("the registration's rules and words").containsExactly(
            "address must be at most 200 characters", "description is required",
            "location.longitude must be between -180 and 180");
    Map<String, Object> noLatitude = typing("x".repeat(2001), null);
    noLatitude.put("location", Map.of("longitude", 114.3));
    assertThat(as("OPERATOR").post("/api/complaints/suggestions", noLatitude).body().path("errors").valueStream()
        .map(e -> e.path("field").asString() + " " + e.path("message").asString()).toList())
        .containsExactly("description must be 1 to 2000 characters", "location.latitude is required");
    assertThat(as("LEADER").post("/api/complaints/suggestions", typing("路灯不亮", null)).status()).isEqualTo(403);
    Reply nothingLearned = as("OPERATOR").post("/api/complaints/suggestions", typing("咨询办事流程", null));
    assertThat(nothingLearned.status()).isEqualTo(200);
    assertThat(nothingLearned.body().path("district").isNull()).isTrue();
  }

  @Test
  void aConsultationClosedDirectlyCitesAnArticleInForceAndTheEventCarriesIt() {
    knowledge.citable.put("KB000007", new ArticleMatch("KB000007", "燃气报修电话", 1.0));
    Map<String, Object> consultation = call("GAS_SAFETY", "HONGSHAN", "珞喻路129号", "燃气报修打什么电话");
    consultation.put("type", "CONSULTATION");
    consultation.put("closeDirectly", true);
    consultation.put("knowledgeArticleId", "KB000007");

    Reply reply = as("OPERATOR").post("/api/complaints", consultation);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    String ticketId = reply.body().path("ticketId").asString();
    assertThat(reply.body().path("knowledgeArticleId").asString()).isEqualTo("KB000007");
    assertThat(reply.body().path("status").asString()).isEqualTo("CLOSED");
    assertThat(as("OPERATOR").get("/api/complaints/" + ticketId).body().path("knowledgeArticleId").asString())
        .isEqualTo("KB000007");
    await().atMost(WAIT).until(() -> !probe.events(ticketId).isEmpty());
    JsonNode event = probe.events(ticketId).get(0).path("payload");
    assertThat(event.path("knowledgeArticleId").asString()).isEqualTo("KB000007");
    assertThat(event.path("answer").asString()).as("the citation stands for the answer").isEqualTo("见知识库 KB000007: 燃气报修电话");
    assertThat(complaints.find(ticketId).orElseThrow().learnableAt()).as("closed at the call: not learned").isNull();
  }

  @Test
  void anArticleNotInForceOrACitationWithoutClosingDirectlyIsRefusedNamingTheField() {
    Map<String, Object> retired = call("GAS_SAFETY", "HONGSHAN", "珞喻路129号", "燃气报修打什么电话");
    retired.put("type", "CONSULTATION");
    retired.put("closeDirectly", true);
    retired.put("knowledgeArticleId", "KB999999");
    Reply notCitable = as("OPERATOR").post("/api/complaints", retired);
    assertThat(notCitable.status()).isEqualTo(400);
    assertThat(notCitable.body().path("errors").path(0).path("field").asString()).isEqualTo("knowledgeArticleId");
    assertThat(notCitable.body().path("errors").path(0).path("message").asString())
        .isEqualTo("must be a published knowledge article in force");

    knowledge.citable.put("KB000008", new ArticleMatch("KB000008", "占道经营", 1.0));
    Map<String, Object> complaint = call("STREET_VENDING", "HONGSHAN", "珞喻路129号", "门口有人摆摊");
    complaint.put("knowledgeArticleId", "KB000008");
    Reply notClosed = as("OPERATOR").post("/api/complaints", complaint);
    assertThat(notClosed.status()).isEqualTo(400);
    assertThat(notClosed.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
        .containsExactly("knowledgeArticleId");
  }

  @Test
  void theSuggestionShownIsStoredWithWhetherItWasTakenAndCountedInTheAcceptanceRate() {
    JsonNode before = as("ADMIN").get("/api/admin/suggestions/evaluation").body().path("acceptance");
    Map<String, Object> body = call("SANITATION", "WUCHANG", "中北路5号", "垃圾没人收");
    body.put("suggestion", Map.of("category", "SANITATION", "district", "HONGSHAN"));
    String key = "suggested-" + UUID.randomUUID();
    Reply first = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", body);
    Reply retry = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", body);
    assertThat(retry.body().path("ticketId").asString()).isEqualTo(first.body().path("ticketId").asString());

    WorkOrder order = complaints.find(first.body().path("ticketId").asString()).orElseThrow();
    assertThat(order.suggestion()).isEqualTo(new WorkOrder.Suggestion("SANITATION", "HONGSHAN", true, false));
    JsonNode after = as("ADMIN").get("/api/admin/suggestions/evaluation").body().path("acceptance");
    assertThat(after.path("offered").asLong() - before.path("offered").asLong()).isEqualTo(1);
    assertThat(after.path("categoryTaken").asLong() - before.path("categoryTaken").asLong()).isEqualTo(1);
    assertThat(after.path("districtTaken").asLong() - before.path("districtTaken").asLong()).isZero();
  }

  @Test
  void aRetryOfASavedCallGetsItsTicketWhateverSuggestionThePanelShowsByThen() {
    Map<String, Object> body = call("SANITATION", "WUCHANG", "中北路6号", "垃圾桶满了没人清");
    body.put("suggestion", Map.of("category", "SANITATION", "district", "WUCHANG"));
    String key = "resent-" + UUID.randomUUID();
    Reply first = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", body);
    assertThat(first.status()).as(first.raw()).isEqualTo(201);

    body.put("suggestion", Map.of("category", "STREET_LIGHTING")); // the panel answered again before the retry
    Reply retry = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", body);
    assertThat(retry.status()).as(retry.raw()).isEqualTo(201);
    assertThat(retry.body().path("ticketId").asString()).isEqualTo(first.body().path("ticketId").asString());
    body.remove("suggestion");
    Reply without = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", body);
    assertThat(without.body().path("ticketId").asString()).isEqualTo(first.body().path("ticketId").asString());
    assertThat(complaints.find(first.body().path("ticketId").asString()).orElseThrow().suggestion())
        .as("what the panel showed when the call was saved").isEqualTo(
            new WorkOrder.Suggestion("SANITATION", "WUCHANG", true, true));

    body.put("description", "垃圾桶满了没人清, 还有异味");
    assertThat(as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", body).status())
        .as("a different call under the same key").isEqualTo(422);
  }

  @Test
  void aRetryOfASavedConsultationGetsItsTicketEvenIfItsArticleWasRetiredMeanwhile() {
    knowledge.citable.put("KB000009", new ArticleMatch("KB000009", "门头牌匾审批", 1.0));
    Map<String, Object> consultation = call("SIGNS_AND_ADVERTISING", "JIANGHAN", "江汉路9号", "换门头招牌要审批吗");
    consultation.put("type", "CONSULTATION");
    consultation.put("closeDirectly", true);
    consultation.put("knowledgeArticleId", "KB000009");
    String key = "cited-" + UUID.randomUUID();
    Reply first = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", consultation);
    assertThat(first.status()).as(first.raw()).isEqualTo(201);

    knowledge.citable.remove("KB000009"); // retired while the answer to the first attempt was lost
    Reply retry = as("OPERATOR").withHeader("Idempotency-Key", key).post("/api/complaints", consultation);
    assertThat(retry.status()).as(retry.raw()).isEqualTo(201);
    assertThat(retry.body().path("ticketId").asString()).isEqualTo(first.body().path("ticketId").asString());
    assertThat(as("OPERATOR").withHeader("Idempotency-Key", "cited-" + UUID.randomUUID())
        .post("/api/complaints", consultation).status()).as("a new call may not cite it").isEqualTo(400);
  }
}
