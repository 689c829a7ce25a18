package city.hotline.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.infra.Settings;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;

/** How every fault test ends: the whole system's books (GET /api/admin/reconciliation) agree. */
public final class Reconciled {
  public static final String DEMO_PASSWORD = "Hotline@12345";
  /** Events still on their way settle within this; a discrepancy that outlives it is real. */
  private static final Duration SETTLE = Duration.ofMinutes(2);

  private Reconciled() {}

  /** Signs in as a demo user through the gateway. */
  public static HttpJson signIn(Settings settings, String username) {
    HttpJson gateway = new HttpJson(settings.gatewayUrl());
    Reply reply = gateway.post("/api/auth/login", Map.of("username", username, "password", DEMO_PASSWORD));
    assertThat(reply.status()).as("sign-in of %s", username).isEqualTo(200);
    return gateway.withToken(reply.body().path("token").asString());
  }

  /** Awaits a reconciliation with no discrepancy and returns its report; fails with the last one's list. */
  public static Reply books(Settings settings) {
    HttpJson admin = signIn(settings, "admin");
    AtomicReference<Reply> last = new AtomicReference<>();
    try {
      await().atMost(SETTLE).pollInterval(Duration.ofSeconds(3)).until(() -> {
        Reply report = admin.get("/api/admin/reconciliation");
        last.set(report);
        return report.status() == 200 && report.body().path("discrepancies").isEmpty()
            && report.body().path("statistics").isEmpty();
      });
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError("the books do not agree: " + (last.get() == null ? "no report" : last.get().raw()), e);
    }
    return last.get();
  }
}
