package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Route;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The bureau workbench (承办单位工作台) and the dispatch desk (派单员工作台) in headless Chromium
 * against the whole running system. A call registered in 江岸区 is claimed by 江岸区城管局, which asks
 * for more time; the desk approves; 江岸 returns it as not its district; the desk routes it to
 * 武昌区城管局, which claims and resolves it with a reply and an attachment. A second case returned
 * twice by 江岸 goes back there only after the dispatcher confirms. Screenshots under
 * target/screenshots (bureau-*.png, desk-*.png).
 */
class CaseWorkIT extends BrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(30);

  private HttpJson operator;
  private HttpJson dispatcher;
  private HttpJson jiangan;

  @BeforeAll
  void signInThroughTheApi() {
    HttpJson gateway = new HttpJson(chromium.baseUrl());
    operator = signIn(gateway, "operator");
    dispatcher = signIn(gateway, "dispatcher");
    jiangan = signIn(gateway, "jiangan");
  }

  private static HttpJson signIn(HttpJson gateway, String username) {
    Reply reply = gateway.post("/api/auth/login", Map.of("username", username, "password", Chromium.DEMO_PASSWORD));
    assertThat(reply.status()).as("sign in as " + username).isEqualTo(200);
    return gateway.withToken(reply.body().path("token").asString());
  }

  /** A street-lighting call in 江岸区 (routed to 江岸区城管局), once dispatch has it. */
  private String registerInJiangan(String address, String description) {
    String phone = "138" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    Reply registered = operator.post("/api/complaints", Map.of(
        "callerName", "王建国", "callerPhone", phone, "district", "JIANGAN", "category", "STREET_LIGHTING",
        "urgency", "URGENT", "address", address, "description", description));
    assertThat(registered.status()).isEqualTo(201);
    String ticketId = registered.body().path("ticketId").asString();
    await().atMost(WAIT).until(() -> "DISPATCHED".equals(dispatcher.get("/api/cases/" + ticketId).body().path("state").asString()));
    return ticketId;
  }

  /** A fresh browser context signed in as the user, on their page once it has shown its queue. */
  private Page openAs(String username) {
    Page page = chromium.signIn(username, Chromium.DEMO_PASSWORD);
    boolean desk = username.equals("dispatcher");
    page.waitForURL(desk ? "**/dispatcher.html" : "**/bureau.html");
    page.waitForSelector(desk ? "body[data-desk-ready]" : "body[data-workbench-ready]");
    return page;
  }

  private static String row(String ticketId) {
    return "#queue tr[data-ticket='" + ticketId + "']";
  }

  /** Asks the page for its queue again and waits for the answer to be shown. */
  private static void refresh(Page page) {
    String before = page.getAttribute("#queue", "data-loads");
    page.click("#refresh-button");
    page.waitForSelector("#queue:not([data-loads='" + before + "'])");
  }

  /** The queue is a read model a moment behind the case: look again until the line is (or is no longer) there. */
  private static void awaitRow(Page page, String ticketId, boolean present) {
    await().atMost(WAIT).pollInterval(Duration.ofMillis(300)).until(() -> {
      refresh(page);
      return (page.locator(row(ticketId)).count() > 0) == present;
    });
  }

  /** Clicks an action's button and waits for the case to reach the state the action leads to, with its message. */
  private static void act(Page page, String button, String stateAfter, String message) {
    page.click(button);
    page.waitForSelector("#case-detail[data-state='" + stateAfter + "']");
    assertThat(page.textContent("#case-status")).contains(message);
  }

  /** "2026-05-12T14:30" from a datetime-local input as the pages show times: "2026/05/12 14:30". */
  private static String shown(String localInput) {
    return localInput.replace('-', '/').replace('T', ' ');
  }

  @Test
  void aCaseIsClaimedExtendedReturnedReroutedAndResolvedOnThePages() {
    String ticketId = registerInJiangan("江岸区沿江大道188号", "沿江大道188号门前一排路灯整晚不亮，行人夜间出行不便");

    // 江岸区城管局: the case waits in the unit's queue, to be claimed.
    Page bureau = openAs("jiangan");
    awaitRow(bureau, ticketId, true);
    String line = bureau.textContent(row(ticketId));
    assertThat(line).contains("待签收", "路灯照明", "江岸区", "沿江大道188号", "较急", "剩余");
    assertThat(bureau.locator(row(ticketId) + ".overdue").count()).as("not overdue yet").isZero();
    Chromium.screenshot(bureau, "bureau-queue");

    bureau.click(row(ticketId));
    bureau.waitForSelector("#case-detail[data-ticket='" + ticketId + "']");
    String detail = bureau.textContent("#case-detail");
    assertThat(detail).contains("整晚不亮", "王建国", "138****").doesNotContainPattern("138\\d{8}");
    assertThat(bureau.textContent("#case-timeline")).contains("派单");
    act(bureau, "#claim-button", "CLAIMED", "已签收");
    assertThat(bureau.textContent(row(ticketId))).contains("办理中");
    assertThat(bureau.textContent("#case-timeline")).contains("签收");
    Chromium.screenshot(bureau, "bureau-claimed");

    // 延期申请: a reason is required (shown at the field), then the request waits for the desk.
    bureau.click("#extension-panel summary");
    bureau.click("#extension-button");
    bureau.waitForSelector("#extension-reason[aria-invalid='true']");
    assertThat(bureau.textContent("#extension-form")).contains("必填");
    String requested = bureau.inputValue("#extension-deadline");
    bureau.fill("#extension-reason", "需更换整段供电线缆，材料采购需要时间");
    bureau.click("#extension-button");
    bureau.waitForSelector("#extension-pending");
    assertThat(bureau.textContent("#case-status")).contains("已申请延期至 " + shown(requested));
    assertThat(bureau.textContent(row(ticketId))).contains("延期待批");
    Chromium.screenshot(bureau, "bureau-extension-requested");

    // The desk: the request under 延期申请, approved (a rejection would need a note).
    Page desk = openAs("dispatcher");
    desk.click("#tab-extension");
    awaitRow(desk, ticketId, true);
    assertThat(desk.textContent(row(ticketId))).contains("江岸区城管局", shown(requested), "需更换整段供电线缆");
    assertThat(Integer.parseInt(desk.textContent("#count-extension").trim())).isPositive();
    Chromium.screenshot(desk, "desk-extension-requests");
    desk.click(row(ticketId));
    desk.waitForSelector("#decision-form");
    assertThat(desk.textContent("#decision-requested")).contains(shown(requested));
    desk.click("#reject-button");
    desk.waitForSelector("#decision-note[aria-invalid='true']");
    desk.fill("#decision-note", "同意，请按期办结");
    desk.click("#approve-button");
    desk.waitForSelector("#case-status:has-text('已同意延期')");
    assertThat(desk.textContent("#case-status")).contains("办结时限改为 " + shown(requested));
    assertThat(desk.textContent("#case-extension")).contains("已同意");
    assertThat(desk.locator(row(ticketId)).count()).as("no longer waiting for a decision").isZero();
    Chromium.screenshot(desk, "desk-extension-approved");

    // 江岸区城管局 sees the new deadline, then returns the case: not its district.
    bureau.click(row(ticketId));
    bureau.waitForSelector("#case-extension:has-text('已同意')");
    assertThat(bureau.textContent("#case-resolve-deadline")).contains(shown(requested));
    assertThat(bureau.textContent("#case-timeline")).contains("申请延期", "延期审批", "同意，请按期办结");
    bureau.click("#return-panel summary");
    bureau.selectOption("#return-reason", "NOT_OUR_DISTRICT");
    bureau.fill("#return-note", "该路段属武昌区管辖，请改派");
    act(bureau, "#return-button", "RETURNED", "已退单");
    assertThat(bureau.locator(row(ticketId)).count()).as("gone from the unit's queue at once").isZero();
    awaitRow(bureau, ticketId, false);
    Chromium.screenshot(bureau, "bureau-returned");

    // The desk: under 退单 with who returned it and why; routed to 武昌区城管局.
    desk.click("#tab-returned");
    awaitRow(desk, ticketId, true);
    assertThat(desk.textContent(row(ticketId))).contains("江岸区城管局", "非本辖区", "该路段属武昌区管辖");
    Chromium.screenshot(desk, "desk-returned");
    desk.click(row(ticketId));
    desk.waitForSelector("#dispatch-form");
    desk.selectOption("#dispatch-unit", "WUCHANG_CGJ");
    desk.fill("#dispatch-note", "属武昌区辖区");
    act(desk, "#dispatch-button", "DISPATCHED", "已派单至 武昌区城管局");
    assertThat(desk.textContent("#case-timeline")).contains("退单", "人工派单至 武昌区城管局");
    assertThat(desk.locator(row(ticketId)).count()).isZero();
    Chromium.screenshot(desk, "desk-routed");

    // 武昌区城管局: claims it and resolves it with a reply and an attachment (a bad address is refused at its line).
    Page wuchang = openAs("wuchang");
    awaitRow(wuchang, ticketId, true);
    assertThat(wuchang.textContent(row(ticketId))).contains("待签收", "退单1次");
    wuchang.click(row(ticketId));
    wuchang.waitForSelector("#case-returns:has-text('非本辖区')");
    wuchang.click("#claim-button");
    wuchang.waitForSelector("#resolve-form");
    wuchang.fill("#resolve-reply", "已更换供电线缆和灯具，路灯恢复照明");
    wuchang.click("#add-attachment");
    wuchang.fill(".attachment-line .attachment-name", "维修后照片");
    wuchang.fill(".attachment-line .attachment-url", "ftp://photos/1.jpg");
    wuchang.click("#resolve-button");
    wuchang.waitForSelector(".attachment-url[aria-invalid='true']");
    assertThat(wuchang.textContent("#resolve-form")).contains("须为 http(s)://");
    Chromium.screenshot(wuchang, "bureau-resolve-error");
    wuchang.fill(".attachment-line .attachment-url", "/files/photos/" + ticketId + "-after.jpg");
    act(wuchang, "#resolve-button", "RESOLVED", "已办结");
    assertThat(wuchang.textContent("#case-reply")).isEqualTo("已更换供电线缆和灯具，路灯恢复照明");
    assertThat(wuchang.getAttribute("#case-detail .attachments a", "href")).isEqualTo("/files/photos/" + ticketId + "-after.jpg");
    assertThat(wuchang.textContent("#case-timeline")).contains("签收", "办结");
    assertThat(wuchang.locator("#case-actions form").count()).as("nothing left to do").isZero();
    awaitRow(wuchang, ticketId, false);
    Chromium.screenshot(wuchang, "bureau-resolved");
  }

  @Test
  void aUnitThatReturnedACaseTwiceGetsItBackOnlyWhenTheDispatcherConfirms() {
    String ticketId = registerInJiangan("江岸区黄浦大街66号", "黄浦大街66号路灯忽明忽暗");
    Map<String, Object> notOurs = Map.of("reason", "NOT_OUR_RESPONSIBILITY", "note", "线路属供电公司");
    assertThat(jiangan.post("/api/cases/" + ticketId + "/return", notOurs).status()).isEqualTo(200);
    assertThat(dispatcher.post("/api/cases/" + ticketId + "/dispatch", Map.of("unitId", "JIANGAN_CGJ")).status())
        .isEqualTo(200);
    assertThat(jiangan.post("/api/cases/" + ticketId + "/return", notOurs).status()).isEqualTo(200);

    Page desk = openAs("dispatcher");
    desk.click("#tab-returned");
    awaitRow(desk, ticketId, true);
    assertThat(desk.textContent(row(ticketId))).contains("非本单位职责");
    List<String> heads = desk.locator("#queue th").allTextContents();
    List<String> cells = desk.locator(row(ticketId) + " td").allTextContents();
    assertThat(cells.get(heads.indexOf("次数")).trim()).as("次数, the times it was returned").isEqualTo("2");
    desk.click(row(ticketId));
    desk.waitForSelector("#dispatch-form");
    assertThat(desk.textContent("#dispatch-unit option[value='JIANGAN_CGJ']")).contains("已退回 2 次");
    desk.selectOption("#dispatch-unit", "JIANGAN_CGJ");
    desk.click("#dispatch-button");
    desk.waitForSelector("#dispatch-confirm-box:visible");
    assertThat(desk.textContent("#dispatch-confirm-box")).contains("江岸区城管局 已退回此工单 2 次");
    assertThat(desk.getAttribute("#case-detail", "data-state")).isEqualTo("RETURNED");
    Chromium.screenshot(desk, "desk-confirm-returned-unit");
    desk.check("#dispatch-confirm");
    act(desk, "#dispatch-button", "DISPATCHED", "已派单至 江岸区城管局");
  }

  /**
   * No case can be made overdue cheaply here (the shortest limit is 30 minutes), so this doctors the
   * queue's answer in the browser to see how the workbench shows an overdue, pressed, reopened case.
   */
  @Test
  void anOverduePressedReopenedCaseStandsOutInTheQueue() {
    Page bureau = openAs("jiangan");
    Instant now = Instant.now();
    String item = """
        {"ticketId": "WH20260101000999", "state": "CLAIMED", "unitId": "JIANGAN_CGJ", "unitName": "江岸区城管局",
         "district": "JIANGAN", "category": "STREET_LIGHTING", "urgency": "EMERGENCY", "type": "COMPLAINT",
         "address": "江岸区胜利街1号", "description": "路灯杆倒伏", "claimDeadline": "%s", "resolveDeadline": "%s",
         "deadline": "%s", "overdue": true, "enteredAt": "%s", "returnCount": 0, "lastReturn": null,
         "extension": null, "pressCount": 1, "lastPress": {"at": "%s", "actor": "派单员 李强", "note": "请立即处置"},
         "reopenCount": 1}""".formatted(now.minusSeconds(7200), now.minusSeconds(35 * 60), now.minusSeconds(35 * 60),
        now.minusSeconds(7000), now.minusSeconds(600));
    bureau.route(url -> url.contains("/api/cases?"), route -> route.fulfill(new Route.FulfillOptions()
        .setContentType("application/json").setBody("{\"items\": [" + item + "], \"page\": 0, \"size\": 20, \"total\": 1}")));
    refresh(bureau);
    String line = row("WH20260101000999");
    assertThat(bureau.locator(line + ".overdue").count()).as("marked by colour").isOne();
    assertThat(bureau.textContent(line)).contains("超期", "已超期 35分", "督办", "重办");
    assertThat(bureau.getAttribute(line + " .badge-press", "title")).contains("请立即处置");
    Chromium.screenshot(bureau, "bureau-overdue");
  }
}
