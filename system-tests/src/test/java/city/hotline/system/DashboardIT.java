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
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
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

  private static String fraction(Page page, String field) {
    return page.textContent("#tile-" + field + " .tile-fraction").replaceAll("\\s", "");
  }

  private Page openDashboard(String query) {
    Page page = chromium.signIn("leader", Chromium.DEMO_PASSWORD);
    page.waitForURL("**/leader.html**");
    page.navigate(chromium.baseUrl() + "/leader.html?" + query);
    page.waitForSelector("body[data-loaded]");
    return page;
  }

  @Test
  void theTilesAndChartsShowTheSeededWeekAndFollowTheChosenPeriod() {
    SeedReport report = seeded.report();
    assertThat(registered(report)).as("the seeder registered calls: " + report).isGreaterThan(60);
    assertThat(report.get("registration refused")).isZero();
    assertThat(report.get("one ticket for two calls")).as("intake gave one ticket to two calls").isZero();
    await().atMost(WAIT).untilAsserted(() -> assertThat(summary(period).path("received").asLong())
        .as("received by the statistics; intake lists %s work orders of the period, not %s; the seeder did %s",
            operator.get("/api/complaints?" + period + "&size=1").body().path("total").asLong(),
            missingFromIntake(report), report)
        .isEqualTo(registered(report)));
    JsonNode week = summary(period);
    assertThat(week.path("merged").asLong()).isEqualTo(report.get("duplicates merged"));
    assertThat(week.path("closedDirectly").asLong()).isEqualTo(report.get("consultations answered"));
    assertThat(week.path("returned").asLong()).isEqualTo(report.get("returned"));
    assertThat(week.path("resolved").asLong()).isPositive();

    long overdueBefore = leader.get("/api/dashboard/backlog").body().path("overdue").asLong();
    Page page = openDashboard(period);
    page.waitForSelector("#chart-ranking[data-rendered='true']");
    page.waitForSelector("#chart-trend[data-rendered='true']");
    page.waitForSelector("#chart-categories[data-rendered='true']");
    page.waitForSelector("#chart-backlog[data-rendered='true']");
    assertThat(tile(page, "received")).isEqualTo(Long.toString(week.path("received").asLong()));
    // The seeded system lives on (return visits close cases as their clocks run): the page shows the figures of
    // one reading between the summary read before it and the one read after it.
    List<JsonNode> readings = List.of(week, summary(period));
    assertThat(readings).as("closure rate on the page: %s, %s", fraction(page, "closureRate"), tile(page, "closureRate"))
        .anySatisfy(reading -> {
          JsonNode closure = reading.path("closureRate");
          assertThat(fraction(page, "closureRate"))
              .isEqualTo(closure.path("numerator").asLong() + "/" + closure.path("denominator").asLong());
          assertThat(tile(page, "closureRate")).isEqualTo(percent(closure));
        });
    assertThat(readings.stream().map(r -> percent(r.path("satisfactionRate"))))
        .contains(tile(page, "satisfactionRate"));
    assertThat(readings.stream().map(r -> percent(r.path("onTimeResolutionRate"))))
        .contains(tile(page, "onTimeResolutionRate"));
    // Deadlines go on passing in real time: the tile shows the count of a moment between these two readings.
    long overdueAfter = leader.get("/api/dashboard/backlog").body().path("overdue").asLong();
    assertThat(Long.parseLong(tile(page, "overdue"))).isBetween(overdueBefore, overdueAfter);
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
    JsonNode queue = operator.get("/api/visits?size=50").body();
    assertThat(queue.path("total").asLong()).as("the seeded week leaves visits open").isGreaterThanOrEqualTo(2);
    String byPhone = queue.path("items").get(0).path("ticketId").asString();
    String byLink = queue.path("items").get(1).path("ticketId").asString();

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
