package city.hotline.system;

import com.microsoft.playwright.Browser;
import com.microsoft.playwright.BrowserType;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.Playwright;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Debian's headless Chromium driven by Playwright, nothing downloaded at run time; pages open at
 * the 1366×768 of a hotline desk. Screenshots go to system-tests/target/screenshots.
 */
final class Chromium implements AutoCloseable {
  static final String DEMO_PASSWORD = "Hotline@12345";
  private static final Path EXECUTABLE = Path.of(System.getProperty("hotline.chromium", "/usr/bin/chromium"));
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  private final Playwright playwright;
  private final Browser browser;
  private final String baseUrl;

  private Chromium(String baseUrl) {
    this.baseUrl = baseUrl;
    playwright = Playwright.create(new Playwright.CreateOptions().setEnv(Map.of("PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD", "1")));
    browser = playwright.chromium().launch(new BrowserType.LaunchOptions()
        .setExecutablePath(EXECUTABLE)
        .setHeadless(true)
        .setArgs(List.of("--no-sandbox", "--disable-gpu", "--disable-background-networking")));
  }

  /** Skips the calling test class, with the reason, where there is no Chromium. */
  static Chromium launch(String baseUrl) {
    Assumptions.assumeTrue(Files.isExecutable(EXECUTABLE), "no Chromium at " + EXECUTABLE + " (.ci/run installs Debian's)");
    return new Chromium(baseUrl);
  }

  String baseUrl() {
    return baseUrl;
  }

  /** A fresh browser context on the sign-in page, with the form submitted. */
  Page signIn(String username, String password) {
    Page page = browser.newContext(new Browser.NewContextOptions().setViewportSize(1366, 768).setLocale("zh-CN"))
        .newPage();
    page.navigate(baseUrl + "/");
    page.fill("#username", username);
    page.fill("#password", password);
    page.click("#login-button");
    return page;
  }

  /** A fresh browser context without signing in (a citizen's phone, say), at a phone's size. */
  Page anonymous() {
    return browser.newContext(new Browser.NewContextOptions().setViewportSize(390, 844).setLocale("zh-CN")).newPage();
  }

  static void screenshot(Page page, String name) {
    page.screenshot(new Page.ScreenshotOptions().setPath(SCREENSHOTS.resolve(name + ".png")));
  }

  @Override
  public void close() {
    browser.close();
    playwright.close();
  }
}
