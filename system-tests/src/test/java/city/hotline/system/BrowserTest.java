package city.hotline.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;

/** One headless Chromium per browser-test class, against the shared running system. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
abstract class BrowserTest {
  protected Chromium chromium;

  @BeforeAll
  void openBrowser() {
    chromium = Chromium.launch(RunningSystem.get().gatewayUrl());
  }

  @AfterAll
  void closeBrowser() {
    if (chromium != null) {
      chromium.close();
    }
  }
}
