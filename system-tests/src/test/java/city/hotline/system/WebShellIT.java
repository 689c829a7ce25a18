package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import org.junit.jupiter.api.Test;

/**
 * The web shell in real headless Chromium (Debian's, driven by Playwright): sign in as two roles,
 * each lands on its own page with its name and unit, and signs out. Screenshots under
 * system-tests/target/screenshots.
 */
class WebShellIT extends BrowserTest {
  @Test
  void anOperatorLandsOnTheOperatorConsoleAndSignsOut() {
    Page page = chromium.signIn("operator", Chromium.DEMO_PASSWORD);
    page.waitForURL("**/operator.html");
    page.waitForSelector("body[data-ready]");
    assertThat(page.textContent("#page-title")).isEqualTo("接线员工作台");
    assertThat(page.textContent("#user-name")).contains("王芳");
    Chromium.screenshot(page, "operator-console");

    page.click("#logout-button");
    page.waitForURL("**/index.html");
    page.navigate(chromium.baseUrl() + "/operator.html");
    page.waitForURL("**/index.html");
  }

  @Test
  void aBureauUserLandsOnTheWorkbenchWithTheirUnit() {
    Page page = chromium.signIn("jiangan", Chromium.DEMO_PASSWORD);
    page.waitForURL("**/bureau.html");
    page.waitForSelector("body[data-ready]");
    assertThat(page.textContent("#page-title")).isEqualTo("承办单位工作台");
    assertThat(page.textContent("#user-unit")).contains("江岸区城管局");
    Chromium.screenshot(page, "bureau-workbench");
    page.navigate(chromium.baseUrl() + "/leader.html");
    page.waitForURL("**/bureau.html");
  }

  @Test
  void aWrongPasswordIsToldPlainly() {
    Page page = chromium.signIn("dispatcher", "not-the-password");
    page.waitForSelector("#login-error:has-text('用户名或密码错误')");
    Chromium.screenshot(page, "sign-in-refused");
    assertThat(page.url()).doesNotContain("dispatcher.html");
  }
}
