package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import com.microsoft.playwright.Locator;
import com.microsoft.playwright.Page;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 每月一题 in headless Chromium against the whole running system: after two calls about street trees in 硚口区 (none
 * before), the leader dashboard lists them as a hot spot, whose 立为治理专题 opens the topic form with its category
 * and district ticked; the leader is told at the title field that it is required, opens the topic and
 * lands on its page, which shows the weeks before its period apart from the week it starts in (with the two calls),
 * in the chart and in the table, with the figures the API gives.
 * Screenshots under target/screenshots (topics-*.png).
 */
class TopicsPageIT extends BrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** A category and district no other test calls about, so the topic's week holds this test's calls. */
  private static final String CATEGORY = "GREENERY";
  private static final String DISTRICT = "QIAOKOU";
  private static final String LEAD_UNIT = "CITY_PARKS_FORESTRY_BUREAU";
  private static final int CALLS = 2;

  private HttpJson operator;
  private HttpJson leader;

  @BeforeAll
  void signInThroughTheApi() {
    HttpJson gateway = new HttpJson(chromium.baseUrl());
    operator = signIn(gateway, "operator");
    leader = signIn(gateway, "leader");
  }

  private static HttpJson signIn(HttpJson gateway, String username) {
    Reply reply = gateway.post("/api/auth/login", Map.of("username", username, "password", Chromium.DEMO_PASSWORD));
    assertThat(reply.status()).as("sign in as " + username).isEqualTo(200);
    return gateway.withToken(reply.body().path("token").asString());
  }

  /** Today's calls about the topic's category in its district, as the dashboard counts them. */
  private long receivedToday() {
    String today = LocalDate.now(ZoneId.of("Asia/Shanghai")).toString();
    Reply summary = leader.get("/api/dashboard/summary?from=" + today + "&to=" + today + "&district=" + DISTRICT
        + "&category=" + CATEGORY);
    assertThat(summary.status()).isEqualTo(200);
    return summary.body().path("received").asLong();
  }

  /** Calls about dead street trees in 硚口区, once the dashboard counts them. */
  private void registerCalls() {
    long before = receivedToday();
    for (int i = 0; i < CALLS; i++) {
      Reply registered = operator.post("/api/complaints", Map.of(
          "callerName", "孙丽", "callerPhone", "137" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999),
          "district", DISTRICT, "category", CATEGORY, "urgency", "NORMAL",
          "address", "硚口区解放大道 " + (300 + i) + " 号", "description", "行道树枯死多日无人处理"));
      assertThat(registered.status()).isEqualTo(201);
    }
    await().atMost(WAIT).until(() -> receivedToday() >= before + CALLS);
  }

  /** The weekly table as the page shows it: week (Monday), phase and calls received, one row each. */
  private static List<String> shownWeeks(Page page) {
    return page.locator("#topic-weeks tbody tr[data-week]").all().stream()
        .map(row -> row.getAttribute("data-week") + " " + row.getAttribute("data-phase") + " "
            + row.locator("td").nth(2).textContent().trim())
        .toList();
  }

  private static List<String> apiWeeks(JsonNode topic) {
    List<String> weeks = new ArrayList<>();
    topic.path("weeks").forEach(w -> weeks.add(w.path("week").asString() + " " + w.path("phase").asString() + " "
        + w.path("received").asLong()));
    return weeks;
  }

  @Test
  void aLeaderOpensATopicFromAHotSpotIsToldWhatIsMissingAndFollowsItsCallsWeekByWeek() {
    registerCalls();
    Page page = chromium.signIn("leader", Chromium.DEMO_PASSWORD);
    page.waitForURL("**/leader.html**");
    page.waitForSelector("body[data-ready]");

    // The hot spot's 立为治理专题 leads to the form with its category and district ticked and a title proposed.
    page.click("#hotspots tr[data-category='" + CATEGORY + "'][data-district='" + DISTRICT + "'] .gov-open-topic");
    page.waitForURL("**/topics.html?*");
    page.waitForSelector("body[data-topics-ready]");
    assertThat(page.isChecked("#topic-categories input[value='" + CATEGORY + "']")).isTrue();
    assertThat(page.isChecked("#topic-districts input[value='" + DISTRICT + "']")).isTrue();
    assertThat(page.inputValue("#topic-title")).contains("硚口区", "园林绿化");

    page.fill("#topic-title", "");
    page.selectOption("#topic-lead-unit", LEAD_UNIT);
    page.fill("#topic-target", "行道树来电较治理前下降三成，满意率不低于 90%");
    page.click("#create-topic");
    page.waitForSelector("#topic-title[aria-invalid='true']");
    Locator problems = page.locator("#topic-form .field-error");
    assertThat(problems.count()).as("only the missing title is refused").isEqualTo(1);
    assertThat(page.textContent("#topic-title ~ .field-error")).isEqualTo("必填");
    Chromium.screenshot(page, "topics-form-refused");

    String title = "硚口区行道树专项治理 " + ThreadLocalRandom.current().nextInt(100_000, 999_999);
    page.fill("#topic-title", title);
    page.click("#create-topic");
    page.waitForURL("**/topics.html?id=GT*");
    page.waitForSelector("#topic-chart[data-rendered] canvas");
    String id = page.getAttribute("#topic-view", "data-topic");
    assertThat(page.textContent("#topic-name")).isEqualTo(title);
    assertThat(page.textContent("#topic-facts")).contains(id, "市园林和林业局", "园林绿化", "硚口区");

    // It starts today: the weeks before it, then the week it starts in, with today's calls; nothing after it yet.
    assertThat(page.locator("#phase-BEFORE").count()).isEqualTo(1);
    assertThat(page.locator("#phase-DURING").getAttribute("data-weeks")).isEqualTo("1");
    assertThat(Long.parseLong(page.locator("#phase-DURING").getAttribute("data-received"))).isGreaterThanOrEqualTo(CALLS);
    assertThat(page.locator("#phase-AFTER").count()).isZero();
    JsonNode topic = leader.get("/api/dashboard/topics/" + id).body();
    List<String> weeks = shownWeeks(page);
    assertThat(weeks).as("the page shows the topic's weeks as the API counts them").isEqualTo(apiWeeks(topic));
    assertThat(weeks.get(weeks.size() - 1)).contains(" DURING ");
    assertThat(weeks.subList(0, weeks.size() - 1)).allMatch(w -> w.contains(" BEFORE "));
    Chromium.screenshot(page, "topics-topic");

    page.click("#all-topics");
    page.waitForSelector("#topic-list tr[data-topic='" + id + "']");
    assertThat(page.textContent("#topic-list tr[data-topic='" + id + "']")).contains(title, "进行中");
  }
}
