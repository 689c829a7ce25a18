package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The web shell in real headless Chromium (Debian's, driven by Playwright): sign in as two roles,
 * each lands on its own page with its name and unit, and signs out. Screenshots under
 * system-tests/target/screenshots.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WebShellIT {
  private static final Path CHROMIUM = Path.of(System.getProperty("hotline.chromium", "/usr/bin/chromium"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");
  private static final String DEMO_PASSWORD = "Hotline@12345";

  private Playwright playwright;
  private Browser browser;
  private String baseUrl;

  @BeforeAll
  void openBrowser() {
    Assumptions.assumeTrue(Files.isExecutable(CHROMIUM), "no Chromium at " + CHROMIUM + " (.ci/run installs Debian's)");
    baseUrl = RunningSystem.get().gatewayUrl();
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(CHROMIUM)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
  }

  @AfterAll
  void closeBrowser() {
    if (browser != null) {
      browser.close();
    }
    if (playwright != null) {
      playwright.close();
    }
  }

  private Page signIn(String username, String password) {
    Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("zh-CN"))
        .newPage();
    page.navigate(baseUrl + "/");
    page.fill("#username", username);
    page.fill("#password", password);
    page.click("#login-button");
    return page;
  }

  @Test
  void anOperatorLandsOnTheOperatorConsoleAndSignsOut() {
    Page page = signIn("operator", DEMO_PASSWORD);
    page.waitForURL("**/operator.html");
    page.waitForSelector("body[data-ready]");
    assertThat(page.textContent("#page-title")).isEqualTo("接线员工作台");
    assertThat(page.textContent("#user-name")).contains("王芳");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("operator-console.png")));

    page.click("#logout-button");
    page.waitForURL("**/index.html");
    page.navigate(baseUrl + "/operator.html");
    page.waitForURL("**/index.html");
  }

  @Test
  void aBureauUserLandsOnTheWorkbenchWithTheirUnit() {
    Page page = signIn("jiangan", DEMO_PASSWORD);
    page.waitForURL("**/bureau.html");
    page.waitForSelector("body[data-ready]");
    assertThat(page.textContent("#page-title")).isEqualTo("承办单位工作台");
    assertThat(page.textContent("#user-unit")).contains("江岸区城管局");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("bureau-workbench.png")));
    page.navigate(baseUrl + "/leader.html");
    page.waitForURL("**/bureau.html");
  }

  @Test
  void aWrongPasswordIsToldPlainly() {
    Page page = signIn("dispatcher", "not-the-password");
    page.waitForSelector("#login-error:has-text('用户名或密码错误')");
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve("sign-in-refused.png")));
    assertThat(page.url()).doesNotContain("dispatcher.html");
  }
}
