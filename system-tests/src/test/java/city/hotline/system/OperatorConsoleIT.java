package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.microsoft.playwright.Page;
import java.time.Duration;
import java.util.concurrent.ThreadLocalRandom;
import org.junit.jupiter.api.Test;

/**
 * The operator console (接线员工作台) in headless Chromium against the whole running system: a call
 * is registered, a second similar call shows the first as a likely duplicate, is merged into it,
 * and the first ticket's look-up shows the extra caller. Screenshots under target/screenshots.
 */
class OperatorConsoleIT extends BrowserTest {
  private static final Duration WAIT = Duration.ofSeconds(60);

  private static void fillCall(Page page, String phone, String name, String address, String coordinates) {
    page.fill("#callerPhone", phone);
    page.fill("#callerName", name);
    page.selectOption("#category", "SANITATION");
    page.selectOption("#district", "HONGSHAN");
    page.fill("#address", address);
    page.fill("#coordinates", coordinates);
    page.fill("#description", "小区门口垃圾堆积三天无人清运，气味很大");
  }

  @Test
  void anOperatorRegistersACallMergesASimilarSecondCallAndLooksTheFirstUp() {
    Page page = chromium.signIn("operator", Chromium.DEMO_PASSWORD);
    page.waitForURL("**/operator.html");
    page.waitForSelector("body[data-console-ready]");

    page.click("#register-button");
    page.waitForSelector("#register-error:has-text('需要更正')");
    assertThat(page.getAttribute("#callerPhone", "aria-invalid")).isEqualTo("true");
    Chromium.screenshot(page, "operator-form-errors");

    String phone = "137" + ThreadLocalRandom.current().nextInt(10_000_000, 99_999_999);
    fillCall(page, phone, "李娜", "洪山区珞喻路 1037 号", "114.3640,30.5270");
    page.keyboard().press("Control+Enter");
    page.waitForSelector("#registered-ticket");
    String first = page.textContent("#registered-ticket");
    assertThat(first).matches("WH\\d{14}");
    assertThat(page.inputValue("#callerPhone")).as("the form is cleared for the next call").isEmpty();
    Chromium.screenshot(page, "operator-registered");

    fillCall(page, phone, "张伟", "洪山区珞喻路1037号", "114.3641,30.5271");
    String candidate = "#duplicates li[data-ticket='" + first + "']";
    page.waitForSelector(candidate);
    assertThat(page.textContent(candidate)).contains("同一来电号码");
    Chromium.screenshot(page, "operator-duplicate-warning");

    page.click(candidate + " >> text=合并至此工单");
    assertThat(page.textContent("#merge-target")).isEqualTo(first);
    page.click("#register-button");
    page.waitForSelector("#register-result:has-text('已作为重复件并入 " + first + "')");
    String second = page.textContent("#registered-ticket");
    Chromium.screenshot(page, "operator-merged");

    await().atMost(WAIT).untilAsserted(() -> {
      page.fill("#lookup", first);
      page.press("#lookup", "Enter");
      page.waitForSelector("#ticket-detail:has-text('" + first + "')");
      assertThat(page.textContent("#ticket-detail")).contains("重复来电", second, "张伟");
    });
    assertThat(page.textContent("#timeline")).contains("已受理");
    Chromium.screenshot(page, "operator-lookup");
  }
}
