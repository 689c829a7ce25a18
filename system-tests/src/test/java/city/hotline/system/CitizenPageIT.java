package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The citizens' own page (track.html) on a phone 360 px wide, without an account, through the gateway: report a
 * problem, get a ticket number, follow it with the phone's last four digits until the unit's answer shows; a wrong
 * last four reads exactly as an unknown ticket does. Fields are found by their labels, as a screen reader finds them.
 */
class CitizenPageIT extends BrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String STATE = "body[data-track-state='%s']";

  @Test
  void aCitizenReportsAProblemGetsANumberAndFollowsItWithTheLastFourDigits() {
    String phone = "139" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    String lastFour = phone.substring(phone.length() - 4);
    Page page = chromium.anonymous();
    page.setViewportSize(360, 740);
    page.navigate(chromium.baseUrl() + "/track.html");
    page.waitForSelector(STATE.formatted("ready"));
    assertThat(page.request().get(chromium.baseUrl() + "/api/public/reference").headers().get("cache-control"))
        .as("the form's lists are kept by the browser, through the gateway").contains("max-age=", "public");

    page.getByRole(AriaRole.TAB, new Page.GetByRoleOptions().setName("我要反映")).click();
    page.getByLabel("问题类别").selectOption("STREET_LIGHTING");
    page.getByLabel("所在区").selectOption("JIANGAN");
    page.getByLabel("详细地址").fill("江岸区沿江大道188号");
    page.getByLabel("问题描述").fill("小区门口路灯不亮一周了, 我叫赵六");
    page.getByLabel("手机号码").fill(phone);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("提交").setExact(true)).dblclick();
    // (the button is disabled while its request is under way; a retry of the same key is intake's test)
    page.waitForSelector(STATE.formatted("reported"));
    String ticketId = page.textContent("#report-ticket").trim();
    assertThat(ticketId).matches("WH\\d{14}");
    assertThat(fitsTheScreen(page)).as("nothing wider than the phone").isTrue();
    Chromium.screenshot(page, "track-reported");

    HttpJson gateway = new HttpJson(chromium.baseUrl());
    HttpJson operator = signIn(gateway, "operator");
    assertThat(operator.get("/api/complaints?phone=" + phone).body().valueStream()
        .map(call -> call.path("ticketId").asString()).toList()).as("a double tap sends one report")
        .containsExactly(ticketId);
    assertThat(operator.get("/api/complaints/" + ticketId).body().path("channel").asString()).isEqualTo("WEB");

    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询此工单进度")).click();
    page.waitForSelector("#progress-result[data-ticket='" + ticketId + "']");
    assertThat(page.textContent("#progress-steps")).contains("您反映的问题已受理");

    resolve(gateway, ticketId, "路灯线路已修复, 当晚恢复照明");
    // the answer reaches intake through Kafka: waited for on the operators' API, not on the page, whose progress
    // checks each spend the address's budget (hotline.traffic.public, progress); then the page asks once
    await().atMost(WAIT).pollInterval(Duration.ofSeconds(1)).until(() ->
        "RESOLVED".equals(operator.get("/api/complaints/" + ticketId).body().path("status").asString()));
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询").setExact(true)).click();
    page.waitForSelector("#progress-result[data-ticket='" + ticketId + "'][data-status='RESOLVED']:not([hidden])");
    assertThat(page.textContent("#progress-status")).isEqualTo("已办结");
    assertThat(page.textContent("#progress-unit")).isEqualTo("江岸区城管局");
    assertThat(page.textContent("#progress-steps")).contains("办理结果：路灯线路已修复, 当晚恢复照明");
    assertThat(page.textContent("main")).doesNotContain(phone, "赵六", "沿江大道", "刘伟");
    assertThat(fitsTheScreen(page)).isTrue();
    Chromium.screenshot(page, "track-progress");

    String wrongDigits = notFound(page, ticketId, lastFour.equals("0000") ? "1111" : "0000");
    String unknownTicket = notFound(page, "WH20000101000001", lastFour);
    assertThat(wrongDigits).contains("没有找到").isEqualTo(unknownTicket);
    Chromium.screenshot(page, "track-not-found");
  }

  /** What the page says after a check that finds nothing. */
  private static String notFound(Page page, String ticketId, String lastFour) {
    page.evaluate("document.body.dataset.trackState = ''");
    page.getByLabel("工单号").fill(ticketId);
    page.getByLabel("手机号后四位").fill(lastFour);
    page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("查询").setExact(true)).click();
    page.waitForSelector(STATE.formatted("not-found"));
    assertThat(page.isHidden("#progress-result")).isTrue();
    return page.textContent("#progress-message");
  }

  private static boolean fitsTheScreen(Page page) {
    return (boolean) page.evaluate("document.documentElement.scrollWidth <= window.innerWidth");
  }

  /** 江岸区城管局 claims the routed case and resolves it with its answer. */
  private static void resolve(HttpJson gateway, String ticketId, String reply) {
    HttpJson bureau = signIn(gateway, "jiangan");
    await().atMost(WAIT).until(() -> bureau.post("/api/cases/" + ticketId + "/claim", Map.of()).status() == 200);
    assertThat(bureau.post("/api/cases/" + ticketId + "/resolve", Map.of("reply", reply)).status()).isEqualTo(200);
  }

  private static HttpJson signIn(HttpJson gateway, String username) {
    Reply reply = gateway.post("/api/auth/login", Map.of("username", username, "password", Chromium.DEMO_PASSWORD));
    assertThat(reply.status()).as("sign in as " + username).isEqualTo(200);
    return gateway.withToken(reply.body().path("token").asString());
  }
}
