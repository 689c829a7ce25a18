package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.infra.seed.SeedReport;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import tools.jackson.databind.JsonNode;

/**
 * The leader dashboard (领导驾驶舱) in headless Chromium over a system seeded with a week of calls through
 * the real pipeline: the tiles show the seeded figures, the charts draw, a shorter period changes them,
 * the ranking and the case list export. Also the operators' return-visit page and a citizen's rating
 * page on the seeded open visits. Screenshots under target/screenshots (dashboard-*, visits-*, rate-*).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DashboardIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  /** The return-visit page's page size (visits.js). */
  private static final int VISIT_PAGE = 20;

  private SeededSystem.Seeded seeded;
  private Chromium chromium;
  private HttpJson leader;
  private HttpJson operator;
  private String period;

  @BeforeAll
  void seedAndOpenTheBrowser() {
    seeded = SeededSystem.get();
    chromium = Chromium.launch(seeded.settings().gatewayUrl());
    HttpJson gateway = new HttpJson(chromium.baseUrl());
    leader = signIn(gateway, "leader");
    operator = signIn(gateway, "operator");
    period = "from=" + seeded.run().firstDay() + "&to=" + seeded.run().lastDay();
    allCallsCounted(seeded.report());
  }

  /** Every test starts once the statistics have counted every call the seeder registered. */
  private void allCallsCounted(SeedReport report) {
    assertThat(registered(report)).as("the seeder registered calls: " + report).isGreaterThan(60);
    await().atMost(WAIT).untilAsserted(() -> assertThat(summary(period).path("received").asLong())
        .as("received by the statistics; intake lists %s work orders of the period, not %s; the seeder did %s",
            operator.get("/api/complaints?" + period + "&size=1").body().path("total").asLong(),
            missingFromIntake(report), report)
        .isEqualTo(registered(report)));
  }

  @AfterAll
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }

  private static HttpJson signIn(HttpJson gateway, String username) {
    Reply reply = gateway.post("/api/auth/login", Map.of("username", username, "password", Chromium.DEMO_PASSWORD));
    assertThat(reply.status()).as("sign in as " + username).isEqualTo(200);
    return gateway.withToken(reply.body().path("token").asString());
  }

  private JsonNode summary(String query) {
    return leader.get("/api/dashboard/summary?" + query).body();
  }

  /** Every call the seeder registered counts as received once. */
  private long registered(SeedReport report) {
    return report.tickets().size();
  }

  /** The seeder's tickets that intake's search does not list for the period, as intake shows them. */
  private String missingFromIntake(SeedReport report) {
    java.util.Set<String> listed = new java.util.HashSet<>();
    for (int page = 0; page * 100 < report.tickets().size() + 100; page++) {
      operator.get("/api/complaints?" + period + "&size=100&page=" + page).body().path("items").valueStream()
          .forEach(i -> listed.add(i.path("ticketId").asString()));
    }
    return report.tickets().stream().filter(t -> !listed.contains(t))
        .map(t -> t + " " + operator.get("/api/complaints/" + t).raw()).toList().toString();
  }

  private static String tile(Page page, String field) {
    return page.textContent("#tile-" + field + " .tile-value").trim();
  }

  private Page openDashboard(String query) {
    Page page = chromium.signIn("leader", Chromium.DEMO_PASSWORD);
    page.waitForURL("**/leader.html**");
    page.navigate(chromium.baseUrl() + "/leader.html?" + query);
    page.waitForSelector("body[data-loaded]");
    return page;
  }

  /**
   * What the test compares the page with: the summary's figures for the period and the backlog's overdue count.
   * The seeded system lives on after the seeder stops (return visits close cases as their clocks run, deadlines
   * pass in real time), so a page is only compared with a reading that held both before and after it loaded.
   */
  private record Figures(JsonNode summary, long overdue) {
    List<Object> checked() {
      return List.of(summary.path("received").asLong(), summary.path("merged").asLong(),
          summary.path("closedDirectly").asLong(), summary.path("returned").asLong(),
          summary.path("resolved").asLong(), summary.path("closureRate"), summary.path("satisfactionRate"),
          summary.path("onTimeResolutionRate"), summary.path("knowledgeAnswerRate"), overdue);
    }
  }

  private Figures figures() {
    return new Figures(summary(period), leader.get("/api/dashboard/backlog").body().path("overdue").asLong());
  }

  /** The tiles of one complete load, read at once so that a refresh cannot fall between two of them. */
  @SuppressWarnings("unchecked")
  private static Map<String, String> tiles(Page page) {
    return (Map<String, String>) page.evaluate("() => Object.fromEntries([...document.querySelectorAll('[id^=tile-]')]"
        + ".flatMap(t => [[t.id.slice(5), t.querySelector('.tile-value')?.textContent.trim() ?? ''],"
        + " [t.id.slice(5) + '/fraction', (t.querySelector('.tile-fraction')?.textContent ?? '').replace(/\\s/g, '')]]))");
  }

  private record Shown(Figures figures, Map<String, String> tiles) {}

  /** Loads the page until a load falls between two identical readings, and returns that load with the reading. */
  private Shown settledLoad(Page page) {
    return await().atMost(WAIT).pollInSameThread().until(() -> {
      Figures before = figures();
      page.reload();
      page.waitForSelector("body[data-loaded]");
      for (String chart : List.of("ranking", "trend", "categories", "backlog")) {
        page.waitForSelector("#chart-" + chart + "[data-rendered='true']");
      }
      Map<String, String> tiles = tiles(page);
      Figures after = figures();
      return before.checked().equals(after.checked()) ? new Shown(after, tiles) : null;
    }, Objects::nonNull);
  }

  @Test
  void theTilesAndChartsShowTheSeededWeekAndFollowTheChosenPeriod() {
    SeedReport report = seeded.report();
    assertThat(report.get("registration refused")).isZero();
    assertThat(report.get("one ticket for two calls")).as("intake gave one ticket to two calls").isZero();
    Page page = openDashboard(period);
    Shown shown = settledLoad(page);
    JsonNode week = shown.figures().summary();
    assertThat(week.path("received").asLong()).isEqualTo(registered(report));
    assertThat(week.path("merged").asLong()).isEqualTo(report.get("duplicates merged"));
    assertThat(week.path("closedDirectly").asLong()).isEqualTo(report.get("consultations answered"));
    assertThat(week.path("returned").asLong()).isEqualTo(report.get("returned"));
    assertThat(week.path("resolved").asLong()).isPositive();

    Map<String, String> tiles = shown.tiles();
    assertThat(tiles.get("received")).isEqualTo(Long.toString(week.path("received").asLong()));
    JsonNode closure = week.path("closureRate");
    assertThat(tiles.get("closureRate/fraction"))
        .isEqualTo(closure.path("numerator").asLong() + "/" + closure.path("denominator").asLong());
    assertThat(tiles.get("closureRate")).isEqualTo(percent(closure));
    assertThat(tiles.get("satisfactionRate")).isEqualTo(percent(week.path("satisfactionRate")));
    assertThat(tiles.get("onTimeResolutionRate")).isEqualTo(percent(week.path("onTimeResolutionRate")));
    assertThat(tiles.get("overdue")).isEqualTo(Long.toString(shown.figures().overdue()));
    JsonNode knowledge = week.path("knowledgeAnswerRate"); // 知识库解答率
    assertThat(knowledge.path("denominator").asLong()).as("the consultations answered on the phone are consultations")
        .isGreaterThanOrEqualTo(report.get("consultations answered"));
    assertThat(tiles.get("knowledgeAnswerRate")).isEqualTo(percent(knowledge));
    assertThat(tiles.get("knowledgeAnswerRate/fraction"))
        .isEqualTo(knowledge.path("numerator").asLong() + "/" + knowledge.path("denominator").asLong());
    Object bars = page.evaluate("() => echarts.getInstanceByDom(document.querySelector('#chart-ranking'))"
        + ".getOption().series[0].data.length");
    assertThat(((Number) bars).intValue()).as("one bar per district").isEqualTo(16);
    Object points = page.evaluate("() => echarts.getInstanceByDom(document.querySelector('#chart-trend'))"
        + ".getOption().xAxis[0].data.length");
    assertThat(((Number) points).intValue()).as("one point per day").isEqualTo(SeededSystem.DAYS + 1);
    assertThat(page.locator("#unit-ranking tr[data-code]").count()).isPositive();
    Chromium.screenshot(page, "dashboard-week");

    // A shorter period: the last seeded day only.
    LocalDate last = seeded.run().lastDay();
    String loads = page.getAttribute("body", "data-loaded");
    page.fill("#filter-from", last.toString());
    page.fill("#filter-to", last.toString());
    page.dispatchEvent("#filter-to", "change");
    page.waitForSelector("body:not([data-loaded='" + loads + "'])");
    long lastDay = summary("from=" + last + "&to=" + last).path("received").asLong();
    await().atMost(WAIT).until(() -> tile(page, "received").equals(Long.toString(lastDay)));
    assertThat(lastDay).isLessThan(week.path("received").asLong());
    Chromium.screenshot(page, "dashboard-last-day");
  }

  @Test
  void theRankingAndTheCaseListExportAsCsvAndExcel() throws IOException {
    Page page = openDashboard(period);
    Download ranking = page.waitForDownload(() -> page.click("#export-ranking-csv"));
    String csv = Files.readString(ranking.path(), StandardCharsets.UTF_8);
    assertThat(csv).startsWith("\uFEFF排名,代码,名称,综合得分");
    assertThat(csv.lines().count()).as("16 districts under the header").isEqualTo(17);
    Download cases = page.waitForDownload(() -> page.click("#export-cases-csv"));
    long rows = Files.readString(cases.path(), StandardCharsets.UTF_8).lines().count() - 1;
    assertThat(rows).isEqualTo(summary(period).path("received").asLong());
    Download excel = page.waitForDownload(() -> page.click("#export-cases-xlsx"));
    byte[] xlsx = Files.readAllBytes(excel.path());
    assertThat(new String(xlsx, 0, 2, StandardCharsets.US_ASCII)).as("a zip, as .xlsx files are").isEqualTo("PK");
    assertThat(excel.suggestedFilename()).endsWith(".xlsx");
  }

  @Test
  void anOperatorRecordsAReturnVisitAndACitizenRatesThroughTheirLink() {
    // The page shows the queue's first page, the longest-waiting first: the no-response clock closes those next, so
    // the test takes the two of them whose return-visit deadline is furthest away.
    List<JsonNode> firstPage = operator.get("/api/visits?size=" + VISIT_PAGE).body().path("items").valueStream()
        .sorted(Comparator.comparing((JsonNode v) -> Instant.parse(v.path("returnVisitDeadline").asString())).reversed())
        .toList();
    assertThat(firstPage).as("the seeded week leaves visits open").hasSizeGreaterThanOrEqualTo(2);
    String byPhone = firstPage.get(0).path("ticketId").asString();
    String byLink = firstPage.get(1).path("ticketId").asString();

    Page visits = chromium.signIn("operator", Chromium.DEMO_PASSWORD);
    visits.waitForURL("**/operator.html");
    visits.navigate(chromium.baseUrl() + "/visits.html");
    visits.waitForSelector("#visit-queue li[data-ticket='" + byPhone + "']");
    visits.click("#visit-queue li[data-ticket='" + byPhone + "']");
    visits.waitForSelector("#visit-detail[data-ticket='" + byPhone + "']");
    assertThat(visits.textContent("#visit-caller-phone")).matches("\\s*1\\d{10}\\s*");
    Chromium.screenshot(visits, "visits-queue");
    visits.click("#visit-reached-yes");
    visits.click("#visit-detail [data-satisfaction='SATISFIED']");
    visits.click("#visit-submit");
    visits.waitForSelector("#visit-queue:not(:has(li[data-ticket='" + byPhone + "']))");
    assertThat(operator.get("/api/visits/" + byPhone).body().path("outcome").asString()).isEqualTo("SATISFIED");

    String url = operator.post("/api/visits/" + byLink + "/rating-link", Map.of()).body().path("url").asString();
    Page citizen = chromium.anonymous();
    citizen.navigate(chromium.baseUrl() + "/rate.html" + url.substring(url.indexOf('#')));
    citizen.waitForSelector("body[data-rate-state='form']");
    assertThat(citizen.textContent("#rate-ticket")).contains(byLink);
    Chromium.screenshot(citizen, "rate-form");
    citizen.click("[data-satisfaction='BASICALLY_SATISFIED']");
    citizen.click("#rate-submit");
    citizen.waitForSelector("body[data-rate-state='thanks']");
    Chromium.screenshot(citizen, "rate-thanks");
    await().atMost(WAIT).until(() -> "BASICALLY_SATISFIED".equals(
        operator.get("/api/visits/" + byLink).body().path("outcome").asString()));
    citizen.reload();
    citizen.waitForSelector("body[data-rate-state='refused']");
    assertThat(citizen.textContent("#rate-message")).contains("已");
  }

  private static String percent(JsonNode rate) {
    return rate.path("rate").isNull() || rate.path("rate").isMissingNode() ? "—"
        : String.format("%.1f%%", rate.path("rate").asDouble() * 100);
  }
}
