package city.hotline.intake.knowledge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceIntegrationTest;
import city.hotline.testsupport.ServiceTestSupport;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** 知识库 through intake's HTTP API with tokens: who may do what, and what each role is shown. */
class KnowledgeApiIntegrationTest extends ServiceIntegrationTest {
  private static final String ARTICLES = "/api/knowledge/articles";
  /** A seeded article of JIANGAN_CGJ (江岸区夜市疏导点). */
  private static final String JIANGAN_ARTICLE = "KB000003";

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "intake-knowledge-it");
  }

  @Override
  protected List<String> probedTopics() {
    return List.of("hotline.intake.events");
  }

  private HttpJson editor() {
    return as("KNOWLEDGE_EDITOR");
  }

  private HttpJson operator() {
    return as("OPERATOR");
  }

  private static String q(String words) {
    return ARTICLES + "?q=" + URLEncoder.encode(words, StandardCharsets.UTF_8);
  }

  private static Map<String, Object> article(String title) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("questions", List.of("暖气片漏水找谁修", "小区供暖不热"));
    body.put("answer", "集中供暖由供热企业负责，室内温度不达标的可向供热企业报修。");
    body.put("source", "《武汉市供热管理办法》");
    body.put("category", "OTHER");
    body.put("unitId", null);
    return body;
  }

  private String created(Map<String, Object> body) {
    Reply reply = editor().post(ARTICLES, body);
    assertThat(reply.status()).as(reply.raw()).isEqualTo(201);
    assertThat(reply.body().path("status").asString()).isEqualTo("DRAFT");
    assertThat(reply.body().path("version").asInt()).isEqualTo(1);
    return reply.body().path("id").asString();
  }

  /** The articles of a search's page (the tests share one store, so each looks for its own). */
  private static List<String> ids(Reply search) {
    assertThat(search.status()).as(search.raw()).isEqualTo(200);
    return search.body().path("items").valueStream().map(item -> item.path("id").asString()).toList();
  }

  @BeforeAll
  void seedIsIndexed() {
    await().atMost(WAIT).until(() -> operator().get(ARTICLES).body().path("total").asInt() >= 30);
  }

  @Test
  void everyRoleSearchesTheSeedByTheCallersWordsWithTheMatchedWordsMarked() {
    Reply reply = as("BUREAU", "JIANGAN_CGJ").get(q("楼下天天有人摆摊卖菜"));

    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    JsonNode first = reply.body().path("items").get(0);
    assertThat(first.path("title").asString()).isEqualTo("占道经营、流动摊贩的管理规定");
    assertThat(first.path("snippet").asString()).contains("<mark>");
    assertThat(first.path("score").asDouble()).isPositive();
    assertThat(reply.body().path("size").asInt()).isEqualTo(20);
  }

  @Test
  void anEditorWritesAVersionedArticleThatOthersSeeOnlyWhilePublished() {
    String id = created(article("供暖不热怎么办"));
    assertThat(operator().get(ARTICLES + "/" + id).status()).isEqualTo(404); // a draft
    assertThat(ids(operator().get(q("暖气片漏水")))).doesNotContain(id);
    assertThat(ids(editor().get(q("暖气片漏水")))).contains(id);

    Map<String, Object> edit = article("供暖不热、暖气漏水怎么办");
    assertThat(editor().put(ARTICLES + "/" + id, edit).status()).isEqualTo(428);
    Reply second = editor().withHeader("If-Match", "\"1\"").put(ARTICLES + "/" + id, edit);
    assertThat(second.body().path("version").asInt()).as(second.raw()).isEqualTo(2);
    Reply stale = editor().withHeader("If-Match", "1").put(ARTICLES + "/" + id, article("又一次编辑"));
    assertThat(stale.status()).isEqualTo(409);
    assertThat(stale.body().path("currentVersion").asInt()).isEqualTo(2);
    assertThat(stale.body().path("detail").asString()).contains("version 2");

    assertThat(editor().post(ARTICLES + "/" + id + "/publish", "").body().path("status").asString())
        .isEqualTo("PUBLISHED");
    Reply read = operator().get(ARTICLES + "/" + id);
    assertThat(read.status()).isEqualTo(200);
    assertThat(read.body().path("versions").valueStream().map(v -> v.path("action").asString()).toList())
        .containsExactly("CREATED", "EDITED", "PUBLISHED");
    assertThat(read.body().path("versions").get(0).path("title").asString()).isEqualTo("供暖不热怎么办");
    assertThat(ids(operator().get(q("暖气片漏水")))).contains(id);

    assertThat(editor().post(ARTICLES + "/" + id + "/retire", "").status()).isEqualTo(200);
    assertThat(operator().get(ARTICLES + "/" + id).status()).isEqualTo(404);
    assertThat(ids(operator().get(q("暖气片漏水")))).doesNotContain(id);
    assertThat(editor().withHeader("If-Match", "4").put(ARTICLES + "/" + id, edit).status()).isEqualTo(409);
    assertThat(editor().post(ARTICLES + "/" + id + "/publish", "").status()).isEqualTo(409);
  }

  @Test
  void aPublishOrRetireOnAStaleIfMatchIsAConflictAndChangesNothing() {
    String id = created(article("井盖缺失怎么报修"));
    editor().withHeader("If-Match", "1").put(ARTICLES + "/" + id, article("井盖缺失、破损怎么报修"));

    Reply stalePublish = editor().withHeader("If-Match", "\"1\"").post(ARTICLES + "/" + id + "/publish", "");
    assertThat(stalePublish.status()).isEqualTo(409);
    assertThat(stalePublish.body().path("currentVersion").asInt()).isEqualTo(2);
    assertThat(operator().get(ARTICLES + "/" + id).status()).as("still a draft").isEqualTo(404);
    assertThat(editor().withHeader("If-Match", "2").post(ARTICLES + "/" + id + "/publish", "").status())
        .isEqualTo(200);

    Reply staleRetire = editor().withHeader("If-Match", "2").post(ARTICLES + "/" + id + "/retire", "");
    assertThat(staleRetire.status()).isEqualTo(409);
    assertThat(staleRetire.body().path("currentVersion").asInt()).isEqualTo(3);
    assertThat(operator().get(ARTICLES + "/" + id).status()).as("still in force").isEqualTo(200);
    assertThat(editor().withHeader("If-Match", "W/\"3\"").post(ARTICLES + "/" + id + "/retire", "").status())
        .isEqualTo(200);
  }

  @Test
  void aPublishedArticleNotYetValidIsHiddenFromEveryoneButEditors() {
    Map<String, Object> body = article("明年起施行的供热收费标准");
    body.put("validFrom", Instant.now().plus(Duration.ofDays(30)).toString());
    String id = created(body);
    editor().post(ARTICLES + "/" + id + "/publish", "");

    assertThat(operator().get(ARTICLES + "/" + id).status()).isEqualTo(404);
    assertThat(ids(operator().get(q("供热收费标准")))).doesNotContain(id);
    assertThat(ids(editor().get(q("供热收费标准")))).contains(id);
    Reply editors = editor().get(ARTICLES + "/" + id);
    assertThat(editors.status()).isEqualTo(200);
    assertThat(editors.body().path("inForce").asBoolean()).isFalse();
  }

  @Test
  void aBureauCannotWriteOrPublishArticles() {
    HttpJson bureau = as("BUREAU", "JIANGAN_CGJ");

    assertThat(bureau.post(ARTICLES, article("越权")).status()).isEqualTo(403);
    assertThat(bureau.post(ARTICLES + "/" + JIANGAN_ARTICLE + "/publish", "").status()).isEqualTo(403);
    assertThat(bureau.post(ARTICLES + "/" + JIANGAN_ARTICLE + "/retire", "").status()).isEqualTo(403);
    assertThat(bureau.withHeader("If-Match", "1").put(ARTICLES + "/" + JIANGAN_ARTICLE, article("越权")).status())
        .isEqualTo(403);
    assertThat(operator().post("/api/knowledge/proposals", article("越权")).status()).isEqualTo(403);
  }

  @Test
  void aBureauProposesForItsOwnUnitAndAnEditorDecides() {
    Map<String, Object> correction = article("江岸区夜市疏导点（更正）");
    correction.put("articleId", JIANGAN_ARTICLE);
    correction.put("category", "STREET_VENDING");
    correction.put("note", "疏导点已搬迁");

    Reply foreign = as("BUREAU", "WUCHANG_CGJ").post("/api/knowledge/proposals", correction);
    assertThat(foreign.status()).isEqualTo(403);
    assertThat(foreign.contentType()).startsWith("application/problem+json");
    Reply proposed = as("BUREAU", "JIANGAN_CGJ").post("/api/knowledge/proposals", correction);
    assertThat(proposed.status()).as(proposed.raw()).isEqualTo(201);
    assertThat(proposed.body().path("status").asString()).isEqualTo("PENDING");
    String proposalId = proposed.body().path("id").asString();
    assertThat(as("BUREAU", "WUCHANG_CGJ").get("/api/knowledge/proposals").body().path("items").valueStream()
        .map(p -> p.path("id").asString())).doesNotContain(proposalId);
    assertThat(editor().get("/api/knowledge/proposals?status=PENDING").body().path("items").valueStream()
        .map(p -> p.path("id").asString())).contains(proposalId);

    Reply accepted = editor().post("/api/knowledge/proposals/" + proposalId + "/accept", "");
    assertThat(accepted.status()).as(accepted.raw()).isEqualTo(200);
    assertThat(accepted.body().path("articleId").asString()).isEqualTo(JIANGAN_ARTICLE);
    assertThat(operator().get(ARTICLES + "/" + JIANGAN_ARTICLE).body().path("title").asString())
        .isEqualTo("江岸区夜市疏导点（更正）");
    assertThat(editor().post("/api/knowledge/proposals/" + proposalId + "/accept", "").status()).isEqualTo(409);

    Map<String, Object> fresh = article("江岸区新增便民疏导点");
    String another = as("BUREAU", "JIANGAN_CGJ").post("/api/knowledge/proposals", fresh).body().path("id").asString();
    assertThat(editor().post("/api/knowledge/proposals/" + another + "/reject", Map.of()).status()).isEqualTo(400);
    Reply rejected = editor().post("/api/knowledge/proposals/" + another + "/reject", Map.of("reason", "内容已有"));
    assertThat(rejected.body().path("status").asString()).isEqualTo("REJECTED");
  }

  @Test
  void badFieldsAndParametersAreAllReportedAtOnce() {
    Map<String, Object> bad = new HashMap<>();
    bad.put("questions", List.of());
    bad.put("category", "NOT_A_CATEGORY");

    Reply reply = editor().post(ARTICLES, bad);

    assertThat(reply.status()).isEqualTo(400);
    assertThat(reply.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
        .contains("title", "questions", "answer", "category");
    Reply paging = operator().get(ARTICLES + "?size=0&page=-1&category=NOPE");
    assertThat(paging.status()).isEqualTo(400);
    assertThat(paging.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList())
        .contains("size", "page", "category");
  }
}
