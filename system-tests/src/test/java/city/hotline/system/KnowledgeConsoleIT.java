package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import com.microsoft.playwright.Page;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The knowledge base (知识库) and the suggestion panel (智能建议) in headless Chromium against the whole
 * running system: an operator typing a caller's words about gas sees a seeded gas article and the district
 * of the address, takes the suggestion with Alt+A, reads the article and closes the consultation with it
 * (直接办结); an editor creates, edits and publishes an article and compares its versions, and is told
 * when someone else saved first; a bureau proposes a new article and a correction of its unit's article,
 * which the editor sees and accepts. Screenshots under target/screenshots (knowledge-*.png).
 */
class KnowledgeConsoleIT extends BrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** A caller's words: "gas" as callers say it (煤气), not necessarily as the articles are titled. */
  private static final String GAS_CALL = "闻到很浓的煤气味";
  /** A road the gazetteer knows in 江岸区 only. */
  private static final String JIANGAN_ADDRESS = "江岸区黎黄陂路 12 号";

  private HttpJson operator;
  private HttpJson editor;
  private HttpJson admin;

  @BeforeAll
  void signInThroughTheApi() {
    HttpJson gateway = new HttpJson(chromium.baseUrl());
    operator = signIn(gateway, "operator");
    editor = signIn(gateway, "editor");
    admin = signIn(gateway, "admin");
  }

  private static HttpJson signIn(HttpJson gateway, String username) {
    Reply reply = gateway.post("/api/auth/login", Map.of("username", username, "password", Chromium.DEMO_PASSWORD));
    assertThat(reply.status()).as("sign in as " + username).isEqualTo(200);
    return gateway.withToken(reply.body().path("token").asString());
  }

  private static String encoded(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private static String unique(String prefix) {
    return prefix + ThreadLocalRandom.current().nextInt(100_000, 999_999);
  }

  /** The ids of the articles the search ranks for the text, once the seeded articles are indexed. */
  private List<String> articlesFor(String text) {
    List<String> ids = new ArrayList<>();
    await().atMost(Duration.ofSeconds(60)).untilAsserted(() -> {
      Reply reply = operator.get("/api/knowledge/articles?size=10&q=" + encoded(text));
      assertThat(reply.status()).isEqualTo(200);
      ids.clear();
      reply.body().path("items").forEach(item -> ids.add(item.path("id").asString()));
      assertThat(ids).as("the seeded articles answer a caller's words about gas").isNotEmpty();
    });
    return ids;
  }

  private Page open(String username, String landing) {
    Page page = chromium.signIn(username, Chromium.DEMO_PASSWORD);
    page.waitForURL("**" + landing);
    page.waitForSelector("body[data-ready]");
    return page;
  }

  /** The knowledge page from the link every page's top bar has, once it has shown its first list. */
  private static void toKnowledgePage(Page page) {
    page.click("#knowledge-link");
    page.waitForURL("**/knowledge.html");
    page.waitForSelector("body[data-knowledge-ready]");
  }

  private static Map<String, Object> article(String title, String answer, String unitId) {
    Map<String, Object> body = new HashMap<>();
    body.put("title", title);
    body.put("questions", List.of(title + "怎么办"));
    body.put("answer", answer);
    body.put("source", "《武汉市城市综合管理条例》");
    body.put("category", "SIGNS_AND_ADVERTISING");
    body.put("unitId", unitId);
    return body;
  }

  @Test
  void anOperatorTakesTheSuggestionReadsTheGasArticleAndClosesTheConsultationWithIt() {
    List<String> gasArticles = articlesFor(GAS_CALL);

    Page page = chromium.signIn("operator", Chromium.DEMO_PASSWORD);
    page.waitForURL("**/operator.html");
    page.waitForSelector("body[data-console-ready]");
    page.fill("#callerPhone", "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999));
    page.fill("#callerName", "周敏");
    page.fill("#address", JIANGAN_ADDRESS);
    page.locator("#description").pressSequentially(GAS_CALL);

    page.waitForSelector("#suggested-district[data-code='JIANGAN']");
    page.waitForSelector("#suggested-articles li[data-article]");
    List<String> shown = page.locator("#suggested-articles li[data-article]").all().stream()
        .map(li -> li.getAttribute("data-article")).toList();
    assertThat(shown).as("the panel shows the articles the search finds for the caller's words").containsAnyElementsOf(gasArticles);
    Chromium.screenshot(page, "knowledge-operator-suggestions");

    assertThat(page.inputValue("#district")).as("nothing is filled before the operator accepts").isEmpty();
    page.keyboard().press("Alt+A");
    assertThat(page.inputValue("#district")).isEqualTo("JIANGAN");
    String suggestedCategory = page.getAttribute("#suggested-category", "data-code");
    if (suggestedCategory != null) {
      assertThat(page.inputValue("#category")).isEqualTo(suggestedCategory);
    } else { // the category model learns from closed work orders: a fresh system may have none yet
      page.selectOption("#category", "GAS_SAFETY");
    }

    String articleId = shown.stream().filter(gasArticles::contains).findFirst().orElseThrow();
    JsonNode article = operator.get("/api/knowledge/articles/" + articleId).body();
    page.click("#suggested-articles li[data-article='" + articleId + "'] button");
    page.waitForSelector("#article-answer[data-article='" + articleId + "']");
    assertThat(page.textContent("#article-answer")).contains(article.path("title").asString(), article.path("answer").asString());
    Chromium.screenshot(page, "knowledge-operator-article");

    page.click("#close-with-article");
    page.waitForSelector("#registered-status[data-status='CLOSED']");
    String ticketId = page.textContent("#registered-ticket");
    Chromium.screenshot(page, "knowledge-operator-closed");
    JsonNode order = operator.get("/api/complaints/" + ticketId).body();
    assertThat(order.path("status").asString()).isEqualTo("CLOSED");
    assertThat(order.path("type").asString()).isEqualTo("CONSULTATION");
    assertThat(order.path("knowledgeArticleId").asString()).isEqualTo(articleId);

    // The form sent the suggestion it showed, and its district was taken: the acceptance the evaluation counts.
    JsonNode acceptance = admin.get("/api/admin/suggestions/evaluation").body().path("acceptance");
    assertThat(acceptance.path("offered").asLong()).isPositive();
    assertThat(acceptance.path("districtTaken").asLong()).isPositive();
  }

  @Test
  void anEditorCreatesEditsAndPublishesAnArticleComparesVersionsAndIsToldOfAStaleEdit() {
    Page page = open("editor", "/knowledge.html");
    page.waitForSelector("body[data-knowledge-ready]");
    String title = unique("户外广告牌安全检查");

    page.click("#new-article");
    page.fill("#kb-title", title);
    page.fill("#kb-questions", "广告牌摇晃怎么办\n店招快掉下来了找谁");
    page.fill("#kb-answer", "户外广告设施由设置人负责日常维护。");
    page.fill("#kb-source", "《武汉市户外广告设置管理办法》");
    page.selectOption("#kb-category", "SIGNS_AND_ADVERTISING");
    page.click("#save-article");
    page.waitForSelector("#kb-detail[data-status='DRAFT'][data-version='1']");
    String id = page.getAttribute("#kb-detail", "data-article");

    page.click("#edit-article");
    page.fill("#kb-answer", "户外广告设施由设置人负责日常维护；发现松动请拨打12345，城管部门将督促设置人限期整改。");
    page.click("#save-article");
    page.waitForSelector("#kb-detail[data-version='2']");
    page.click("#publish-article");
    page.waitForSelector("#kb-detail[data-status='PUBLISHED'][data-version='3']");

    page.selectOption("#diff-from", "1");
    page.selectOption("#diff-to", "2");
    assertThat(page.locator("#version-diff tr[data-field='answer'].changed").count()).isEqualTo(1);
    assertThat(page.locator("#version-diff tr[data-field='title'].changed").count()).isZero();
    assertThat(page.textContent("#version-diff tr[data-field='answer'] ins")).contains("城管部门将督促设置人限期整改");
    Chromium.screenshot(page, "knowledge-editor-diff");

    page.fill("#search-q", title);
    page.press("#search-q", "Enter");
    page.waitForSelector("#kb-list li[data-article='" + id + "'] mark");

    // Someone else saves version 4 while this page edits version 3.
    page.click("#kb-list li[data-article='" + id + "'] button");
    page.waitForSelector("#kb-detail[data-version='3']");
    page.click("#edit-article");
    Map<String, Object> theirs = article(title, "另一位管理员的修改。", null);
    Reply saved = editor.withHeader("If-Match", "3").put("/api/knowledge/articles/" + id, theirs);
    assertThat(saved.status()).isEqualTo(200);
    page.fill("#kb-answer", "我的修改。");
    page.click("#save-article");
    page.waitForSelector("#stale-version");
    assertThat(page.textContent("#stale-version")).contains("已被他人修改", "第 4 版");
    Chromium.screenshot(page, "knowledge-editor-stale");
  }

  @Test
  void aBureauProposesArticlesAndTheEditorSeesAndAcceptsThem() {
    // An article of 江岸区城管局 the bureau may propose a correction of.
    String ownTitle = unique("江岸区门头招牌设置");
    Reply created = editor.post("/api/knowledge/articles", article(ownTitle, "门头招牌设置前向江岸区城管局备案。", "JIANGAN_CGJ"));
    assertThat(created.status()).isEqualTo(201);
    String ownId = created.body().path("id").asString();
    assertThat(editor.post("/api/knowledge/articles/" + ownId + "/publish", Map.of()).status()).isEqualTo(200);

    Page bureau = open("jiangan", "/bureau.html");
    toKnowledgePage(bureau);
    bureau.click("#propose-new");
    String newTitle = unique("共享单车乱停放");
    bureau.fill("#kb-title", newTitle);
    bureau.fill("#kb-questions", "小区门口共享单车堆满了");
    bureau.fill("#kb-answer", "共享单车停放由运营企业负责清理，城管部门督促。");
    bureau.selectOption("#kb-category", "OTHER");
    bureau.fill("#kb-note", "近期来电较多");
    bureau.click("#submit-proposal");
    bureau.waitForSelector("#kb-detail[data-proposal][data-status='PENDING']");
    String newProposal = bureau.getAttribute("#kb-detail", "data-proposal");
    bureau.waitForSelector("#kb-list li[data-proposal='" + newProposal + "']");

    bureau.click("#tab-search");
    bureau.fill("#search-q", ownTitle);
    bureau.press("#search-q", "Enter");
    bureau.click("#kb-list li[data-article='" + ownId + "'] button");
    bureau.waitForSelector("#kb-detail[data-article='" + ownId + "']");
    bureau.click("#propose-change");
    bureau.fill("#kb-answer", "门头招牌设置前向江岸区城管局备案，可在政务服务网在线办理。");
    bureau.fill("#kb-note", "增加在线办理渠道");
    bureau.click("#submit-proposal");
    bureau.waitForSelector("#kb-detail[data-proposal]:not([data-proposal='" + newProposal + "'])");
    String correction = bureau.getAttribute("#kb-detail", "data-proposal");
    Chromium.screenshot(bureau, "knowledge-bureau-proposals");

    Page page = open("editor", "/knowledge.html");
    page.waitForSelector("body[data-knowledge-ready]");
    page.click("#tab-proposals");
    page.waitForSelector("#kb-list li[data-proposal='" + correction + "']");
    page.click("#kb-list li[data-proposal='" + correction + "'] button");
    page.waitForSelector("#proposal-diff tr[data-field='answer'].changed");
    Chromium.screenshot(page, "knowledge-editor-proposal");
    page.click("#accept-proposal");
    page.waitForSelector("#kb-detail[data-article='" + ownId + "']");
    assertThat(page.textContent("#article-answer-text")).contains("在线办理");

    page.waitForSelector("#kb-list li[data-proposal='" + newProposal + "']");
    page.click("#kb-list li[data-proposal='" + newProposal + "'] button");
    page.waitForSelector("#kb-detail[data-proposal='" + newProposal + "']");
    page.click("#accept-proposal");
    page.waitForSelector("#kb-detail[data-status='DRAFT']");
    assertThat(page.textContent("#article-heading")).contains(newTitle);
  }
}
