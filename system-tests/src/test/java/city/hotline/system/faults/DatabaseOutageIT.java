package city.hotline.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.infra.EmbeddedSystem;
import city.hotline.infra.Settings;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * A service's database server stopped and started again: the service answers 503 with Retry-After
 * meanwhile, comes back by itself (same process, no restart) and keeps everything it acknowledged.
 */
class DatabaseOutageIT {
  private static final Duration RECOVERY = Duration.ofMinutes(2);

  private final EmbeddedSystem system = FaultSystem.get();
  private final Settings settings = FaultSystem.settings();

  @Test
  void intakeAnswers503WithoutItsDatabaseAndRecoversByItself() throws Exception {
    HttpJson operator = Reconciled.signIn(settings, "operator");
    String before = register(operator, 1).body().path("ticketId").asString();
    long intakePid = system.process("intake-service").orElseThrow().pid();

    system.stop("intake-mongo");
    try {
      Reply refused = register(operator, 2);
      assertThat(refused.status()).isEqualTo(503);
      assertThat(refused.contentType()).startsWith("application/problem+json");
      assertThat(refused.retryAfter()).isNotBlank();
      assertThat(operator.get("/api/complaints/" + before).status()).isEqualTo(503);
    } finally {
      system.up();
    }

    await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(1)).until(() -> register(operator, 3).status() == 201);
    assertThat(system.process("intake-service").orElseThrow().pid()).as("the same intake process").isEqualTo(intakePid);
    assertThat(operator.get("/api/complaints/" + before).status()).as("acknowledged before the outage").isEqualTo(200);
    Reconciled.books(settings);
  }

  @Test
  void dispatchHoldsItsEventsWhileItsDatabaseIsDownAndDispatchesEveryCallOnceItIsBack() throws Exception {
    HttpJson operator = Reconciled.signIn(settings, "operator");
    HttpJson dispatcher = Reconciled.signIn(settings, "dispatcher");
    long dispatchPid = system.process("dispatch-service").orElseThrow().pid();
    List<String> tickets = new java.util.ArrayList<>();

    system.stop("dispatch-mongo");
    try {
      for (int i = 10; i < 30; i++) {
        Reply registered = register(operator, i);
        assertThat(registered.status()).as("calls are still taken").isEqualTo(201);
        tickets.add(registered.body().path("ticketId").asString());
      }
      assertThat(dispatcher.get("/api/cases/" + tickets.get(0)).status()).isEqualTo(503);
    } finally {
      system.up();
    }

    await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(2)).until(() ->
        tickets.stream().allMatch(t -> dispatcher.get("/api/cases/" + t).status() == 200));
    assertThat(system.process("dispatch-service").orElseThrow().pid()).as("the same dispatch process").isEqualTo(dispatchPid);
    Reconciled.books(settings);
  }

  private static Reply register(HttpJson operator, int n) {
    return operator.post("/api/complaints", Map.of(
        "callerName", "测试", "callerPhone", "1380000%04d".formatted(n), "district", "WUCHANG",
        "category", "STREET_LIGHTING", "urgency", "NORMAL",
        "address", "武昌区中山路" + n + "号", "description", "库停期间第" + n + "号路灯"));
  }
}
