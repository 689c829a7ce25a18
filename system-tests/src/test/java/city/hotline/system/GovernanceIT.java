package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.WaitForSelectorState;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.StreamSupport;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * 未诉先办 in headless Chromium against the whole running system: a leader sees Wuhan's 13 districts on the
 * dashboard's map with the three development zones beside it and clicks 汉南区 on the map, and the whole dashboard
 * follows, and 全市 shows the whole city again; then twenty households in 汉南区 report a gas smell within a minute,
 * and exactly one 突发预警 card appears on the open dashboard, through its stream (no reload, no new list), naming
 * 燃气安全 and 汉南区 with the calls behind it. The dispatch desk shows it too, opens a call as a case, presses the
 * units of all twenty and merges the nineteen later calls into the first, the results kept below its banner; the
 * leader's 知道了 reaches the desk's banner live. Screenshots under target/screenshots
 * (governance-*.png).
 */
class GovernanceIT extends BrowserTest {
  /** SPEC §8.5: an alert within 60 s of the call that crosses the line. */
  private static final Duration ALERT_WAIT = Duration.ofSeconds(60);
  private static final Duration WAIT = Duration.ofSeconds(30);
  /** 汉南区: quiet, no other test of this group registers calls in it, so its baseline is nothing. */
  private static final String DISTRICT = "HANNAN";
  private static final String DISTRICT_NAME = "汉南区";
  private static final String CATEGORY = "GAS_SAFETY";
  private static final int BURST = 20;
  private static final String MAP = "#chart-map";
  private static final Page.WaitForSelectorOptions ATTACHED =
      new Page.WaitForSelectorOptions().setState(WaitForSelectorState.ATTACHED);
  /** Where a district's centre (the map file's properties.cp) is on the screen, the map scrolled into view. */
  private static final String CENTRE_ON_SCREEN = """
      name => {
        const node = document.querySelector('#chart-map');
        node.scrollIntoView({ block: 'center' });
        const feature = echarts.getMap('武汉').geoJson.features.find(f => f.properties.name === name);
        const [x, y] = echarts.getInstanceByDom(node).convertToPixel({ geoIndex: 0 }, feature.properties.cp);
        const box = node.getBoundingClientRect();
        return [box.left + x, box.top + y];
      }""";

  private HttpJson operator;
  private HttpJson dispatcher;
  private HttpJson leader;

  @BeforeAll
  void signInThroughTheApi() {
    HttpJson gateway = new HttpJson(chromium.baseUrl());
    operator = signIn(gateway, "operator");
    dispatcher = signIn(gateway, "dispatcher");
    leader = signIn(gateway, "leader");
  }

  private static HttpJson signIn(HttpJson gateway, String username) {
    Reply reply = gateway.post("/api/auth/login", Map.of("username", username, "password", Chromium.DEMO_PASSWORD));
    assertThat(reply.status()).as("sign in as " + username).isEqualTo(200);
    return gateway.withToken(reply.body().path("token").asString());
  }

  private Page open(String username, String landing) {
    Page page = chromium.signIn(username, Chromium.DEMO_PASSWORD);
    page.waitForURL("**" + landing + "**");
    page.waitForSelector("body[data-ready]");
    return page;
  }

  /** Twenty households, each its own caller, report gas in 汉南区; the ticket numbers, earliest first. */
  private List<String> gasBurst() {
    int firstPhone = ThreadLocalRandom.current().nextInt(10_000_000, 90_000_000);
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < BURST; i++) {
      Reply registered = operator.post("/api/complaints", Map.of(
          "callerName", "汉南居民" + (i + 1), "callerPhone", "137" + (firstPhone + i), "district", DISTRICT,
          "category", CATEGORY, "urgency", "URGENT", "address", "汉南区纱帽街汉南大道" + (100 + i) + "号",
          "description", "楼道里闻到很浓的燃气味，担心泄漏"));
      assertThat(registered.status()).as(registered.raw()).isEqualTo(201);
      tickets.add(registered.body().path("ticketId").asString());
    }
    return tickets.stream().sorted().toList();
  }

  /** The live alerts about gas in 汉南区, as the API lists them. */
  private List<JsonNode> gasAlerts() {
    Reply reply = leader.get("/api/dashboard/alerts");
    assertThat(reply.status()).as(reply.raw()).isEqualTo(200);
    return StreamSupport.stream(reply.body().path("items").spliterator(), false)
        .filter(a -> a.path("category").asString().equals(CATEGORY) && a.path("district").asString().equals(DISTRICT))
        .toList();
  }

  private static List<String> tickets(JsonNode alert) {
    return StreamSupport.stream(alert.path("tickets").spliterator(), false).map(JsonNode::asString).toList();
  }

  /** The summary of the desk's action on an alert once done; with each call's outcome if some failed. */
  private static String outcome(Page desk, String alertId, String action) {
    String box = "#alert-outcomes [data-alert='" + alertId + "'] [data-action='" + action + "']";
    desk.waitForSelector(box + " .alert-result-summary");
    return desk.textContent(box + " .alert-result-summary").trim()
        + (desk.locator(box + " [data-result='failed']").count() == 0 ? "" : " " + desk.textContent(box + " .alert-results"));
  }

  private static List<String> shownCalls(Page page, String alertCard) {
    return page.locator(alertCard + " .alert-calls [data-ticket]").all().stream()
        .map(li -> li.getAttribute("data-ticket")).toList();
  }

  @Test
  void aLeaderFiltersByTheMapAndSeesAGasSurgeLiveWhichTheDeskMergesAndPresses() {
    Page dashboard = open("leader", "/leader.html");
    dashboard.waitForSelector("body[data-loaded]");
    dashboard.waitForSelector(MAP + "[data-rendered='true']");
    @SuppressWarnings("unchecked")
    List<String> regions = (List<String>) dashboard.evaluate("() => echarts.getInstanceByDom(document.querySelector("
        + "'#chart-map')).getOption().series[0].data.map(d => d.name)");
    assertThat(regions).as("the 13 districts on the map").hasSize(13).doesNotHaveDuplicates()
        .contains("江岸区", "武昌区", "洪山区", DISTRICT_NAME, "新洲区");
    assertThat(dashboard.locator("#map-zones [data-district]").all().stream().map(z -> z.getAttribute("data-district")))
        .as("the development zones, listed beside the map")
        .containsExactlyInAnyOrder("EAST_LAKE_HIGH_TECH", "ECONOMIC_DEVELOPMENT_ZONE", "EAST_LAKE_SCENIC");
    Chromium.screenshot(dashboard, "governance-map");

    // A click on 汉南区 on the map: the filter, the scope and every figure follow (the summary asked again for it).
    @SuppressWarnings("unchecked")
    List<Number> centre = (List<Number>) dashboard.evaluate(CENTRE_ON_SCREEN, DISTRICT_NAME);
    String loads = dashboard.getAttribute("body", "data-loaded");
    dashboard.waitForResponse(
        r -> r.url().contains("/api/dashboard/summary") && r.url().contains("district=" + DISTRICT),
        () -> dashboard.mouse().click(centre.get(0).doubleValue(), centre.get(1).doubleValue()));
    dashboard.waitForSelector("body:not([data-loaded='" + loads + "'])");
    assertThat(dashboard.inputValue("#filter-district")).isEqualTo(DISTRICT);
    assertThat(dashboard.textContent("#dashboard-scope")).startsWith(DISTRICT_NAME);
    assertThat(dashboard.url()).contains("district=" + DISTRICT);
    JsonNode summary = leader.get("/api/dashboard/summary?from=" + dashboard.inputValue("#filter-from") + "&to="
        + dashboard.inputValue("#filter-to") + "&district=" + DISTRICT).body();
    assertThat(dashboard.textContent("#tile-received .tile-value").trim())
        .isEqualTo(Long.toString(summary.path("received").asLong()));
    Chromium.screenshot(dashboard, "governance-filtered");

    // 全市: the whole city again.
    dashboard.waitForResponse(r -> r.url().contains("/api/dashboard/summary?") && !r.url().contains("district="),
        () -> dashboard.click("#map-all"));
    dashboard.waitForSelector("#map-all[aria-pressed='true']");
    assertThat(dashboard.inputValue("#filter-district")).isEmpty();
    assertThat(dashboard.textContent("#dashboard-scope")).startsWith("全市");

    // The burst, while the dashboard stays open and follows the alerts' stream (the list is not asked again).
    dashboard.waitForSelector("#alerts-banner[data-stream='live']", ATTACHED); // hidden while there is no alert
    dashboard.evaluate("() => { window.stillTheSamePage = true; }");
    List<String> listed = new CopyOnWriteArrayList<>();
    dashboard.onRequest(r -> {
      if (r.url().endsWith("/api/dashboard/alerts")) listed.add(r.url());
    });
    List<String> burst = gasBurst();
    String card = "#alerts-banner [data-category='" + CATEGORY + "'][data-district='" + DISTRICT + "']";
    dashboard.waitForSelector(card, new Page.WaitForSelectorOptions().setTimeout(ALERT_WAIT.toMillis()));
    assertThat(dashboard.textContent(card + " .alert-title")).contains("燃气安全", DISTRICT_NAME);
    assertThat(dashboard.evaluate("() => window.stillTheSamePage")).as("shown without a reload").isEqualTo(true);
    List<JsonNode> alerts = gasAlerts();
    assertThat(alerts).as("one alert for the surge, not one per call").hasSize(1);
    String id = alerts.get(0).path("id").asString();
    await().atMost(WAIT).untilAsserted(() -> assertThat(tickets(gasAlerts().get(0)))
        .as("the calls behind it").containsExactlyInAnyOrderElementsOf(burst));
    dashboard.waitForSelector(card + "[data-count='" + BURST + "'][data-state='OPEN']");
    assertThat(dashboard.locator(card).count()).as("one card for the surge").isEqualTo(1);
    assertThat(shownCalls(dashboard, card)).containsExactlyElementsOf(burst);
    assertThat(listed).as("shown through the stream, not a new list").isEmpty();
    assertThat(dashboard.getAttribute("#alerts-banner", "data-stream")).isEqualTo("live");
    assertThat(gasAlerts()).hasSize(1);
    dashboard.evaluate("() => window.scrollTo(0, 0)"); // the banner heads the page
    Chromium.screenshot(dashboard, "governance-alert-leader");

    // The desk: the same alert with its calls; a call opens as a case; every unit pressed, the later calls merged.
    Page desk = open("dispatcher", "/dispatcher.html");
    String deskCard = "#alerts-banner [data-alert='" + id + "']";
    desk.waitForSelector(deskCard + "[data-count='" + BURST + "']");
    assertThat(shownCalls(desk, deskCard)).containsExactlyElementsOf(burst);
    desk.click(deskCard + " .alert-calls [data-ticket='" + burst.get(3) + "'] button");
    desk.waitForSelector("#case-detail[data-ticket='" + burst.get(3) + "']");
    await().atMost(WAIT).until(() -> burst.stream().allMatch(t -> "DISPATCHED".equals( // gas: 市燃气事业发展中心
        dispatcher.get("/api/cases/" + t).body().path("state").asString())));
    desk.click(deskCard + " [data-action='press']");
    assertThat(outcome(desk, id, "press")).isEqualTo("督办：成功 " + BURST + " 件");
    desk.click(deskCard + " [data-action='merge']");
    desk.click(deskCard + " [data-action='confirm']");
    assertThat(outcome(desk, id, "merge")).isEqualTo("合并：成功 " + (BURST - 1) + " 件");
    assertThat(operator.get("/api/complaints/" + burst.get(BURST - 1)).body().path("status").asString())
        .isEqualTo("MERGED");
    Chromium.screenshot(desk, "governance-alert-desk");

    // 知道了 on the dashboard: the desk's banner, on its own stream, shows it acknowledged.
    dashboard.click(card + " .alert-ack");
    dashboard.waitForSelector(card + "[data-state='ACKNOWLEDGED']");
    desk.waitForSelector(deskCard + "[data-state='ACKNOWLEDGED']");
    assertThat(desk.textContent(deskCard + " .alert-acked")).contains("已知悉");
  }
}
