package city.hotline.dispatch.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.dispatch.DispatchTestBase;
import city.hotline.dispatch.casework.OverdueMarker;
import city.hotline.support.metrics.ClockPasses;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceTestSupport;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/**
 * 超期 with emergency limits shortened to seconds: each passed deadline is marked and published once,
 * even with several clocks (replicas) racing over the same due cases, and the desk can press (督办) it.
 */
class OverdueIntegrationTest extends DispatchTestBase {
  private static final Duration SCAN_INTERVAL = Duration.ofMillis(300);

  @Autowired
  OverdueMarker marker;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "dispatch-overdue-it");
    registry.add("hotline.sla.claim[EMERGENCY]", () -> "3s");
    registry.add("hotline.sla.resolve[EMERGENCY]", () -> "6s");
    // 扬尘 emergencies here leave half a minute to claim, so a claim in time never races the clock
    registry.add("hotline.sla.overrides[0].category", () -> "DUST_POLLUTION");
    registry.add("hotline.sla.overrides[0].claim[EMERGENCY]", () -> "30s");
    registry.add("hotline.sla.overrides[0].resolve[EMERGENCY]", () -> "6s");
    registry.add("hotline.overdue.scan-interval", () -> SCAN_INTERVAL.toMillis() + "ms");
  }

  private List<String> overdueKinds(String ticketId) {
    return probe.events(ticketId).stream().filter(e -> e.path("eventType").asString().equals("CaseOverdue"))
        .map(e -> e.path("payload").path("kind").asString()).toList();
  }

  @Test
  void anUnclaimedEmergencyIsOverdueOnceForEachDeadlineAndTheDesksPressShowsInTheUnitsQueue() {
    String ticketId = register("HANYANG", "GAS_SAFETY", "EMERGENCY", false);
    awaitCase(ticketId, "DISPATCHED");
    await().atMost(WAIT).until(() -> overdueKinds(ticketId).contains("CLAIM"));
    awaitInQueue(as("DISPATCHER"), "?overdue=true", ticketId);
    JsonNode item = as("BUREAU", "CITY_GAS_CENTRE").get("/api/cases").body().path("items").valueStream()
        .filter(i -> i.path("ticketId").asString().equals(ticketId)).findFirst().orElseThrow();
    assertThat(item.path("overdue").asBoolean()).isTrue();

    Reply pressed = as("DISPATCHER").post("/api/cases/" + ticketId + "/press", Map.of("note", "燃气险情, 请立即签收"));
    assertThat(pressed.status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> as("BUREAU", "CITY_GAS_CENTRE").get("/api/cases").body().path("items")
        .valueStream().anyMatch(i -> i.path("ticketId").asString().equals(ticketId)
            && i.path("lastPress").path("note").asString().equals("燃气险情, 请立即签收")));
    await().atMost(WAIT).until(() -> eventTypes(ticketId).contains("CasePressed"));

    await().atMost(WAIT).until(() -> overdueKinds(ticketId).contains("RESOLVE"));
    await().during(Duration.ofSeconds(2)).atMost(WAIT).until(() -> overdueKinds(ticketId).size() == 2);
    assertThat(caseOf(ticketId).path("audit").valueStream().map(a -> a.path("note").asString()))
        .containsOnlyOnce("超期未签收", "超期未办结");
  }

  @Test
  void aCaseClaimedInTimeIsNeverOverdueForItsClaim() {
    String ticketId = register("HANYANG", "DUST_POLLUTION", "EMERGENCY", false);
    awaitCase(ticketId, "DISPATCHED");
    assertThat(as("BUREAU", "HANYANG_CGJ").post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(200);
    await().atMost(WAIT).until(() -> overdueKinds(ticketId).contains("RESOLVE"));
    assertThat(overdueKinds(ticketId)).containsExactly("RESOLVE");
  }

  /**
   * Four more clocks, as if four more replicas ran, tick as fast as they can beside the service's own; the
   * step counter sees each deadline once too. Only these cases go to 硚口区城管局 here, so its count is theirs.
   */
  @Test
  void racingClocksMarkEachDeadlineExactlyOnce(@Autowired MeterRegistry meters) throws Exception {
    double overdueBefore = overdueSteps(meters, "QIAOKOU_CGJ");
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 6; i++) {
      tickets.add(register("QIAOKOU", "MANHOLE_COVERS", "EMERGENCY", false));
    }
    tickets.forEach(t -> awaitCase(t, "DISPATCHED"));
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<?>> replicas = new ArrayList<>();
      for (int i = 0; i < 4; i++) {
        // each replica has its own registry, as each replica's process would
        OverdueClock replica = new OverdueClock(marker, new ClockPasses(new SimpleMeterRegistry()), SCAN_INTERVAL);
        replicas.add(pool.submit(() -> {
          while (!Thread.currentThread().isInterrupted()) {
            replica.tick();
          }
        }));
      }
      await().atMost(WAIT).until(() -> tickets.stream().allMatch(t -> overdueKinds(t).size() == 2));
      replicas.forEach(r -> r.cancel(true));
    } finally {
      pool.shutdownNow();
    }
    await().during(Duration.ofSeconds(2)).atMost(WAIT)
        .until(() -> tickets.stream().allMatch(t -> overdueKinds(t).size() == 2));
    tickets.forEach(t -> assertThat(overdueKinds(t)).containsExactlyInAnyOrder("CLAIM", "RESOLVE"));
    assertThat(overdueSteps(meters, "QIAOKOU_CGJ") - overdueBefore).isEqualTo(2.0 * tickets.size());
    assertThat(meters.get("hotline.clock.interval").tag("clock", "overdue").timeGauge().value())
        .as("the service's own clock, at hotline.overdue.scan-interval").isEqualTo(0.3);
  }

  private static double overdueSteps(MeterRegistry meters, String unit) {
    Counter counter = meters.find("hotline.case.steps").tags("step", "overdue", "unit", unit).counter();
    return counter == null ? 0 : counter.count();
  }

  /** Eight markers spin on one deadline from the moment it passes, beside the service's own clock: one mark, one event. */
  @Test
  void ofSimultaneousMarkingsOfOneDeadlineAtMostOneWinsAndOneEventIsPublished() throws Exception {
    String ticketId = register("HANYANG", "GAS_SAFETY", "EMERGENCY", false);
    Instant claimBy = Instant.parse(awaitCase(ticketId, "DISPATCHED").path("claimDeadline").asString());
    assertThat(marker.mark(ticketId, DeadlineKind.CLAIM, claimBy)).as("not passed yet").isFalse();
    ExecutorService pool = Executors.newFixedThreadPool(8);
    try {
      List<Future<Integer>> results = new ArrayList<>();
      for (int i = 0; i < 8; i++) {
        Callable<Integer> spin = () -> {
          int won = 0;
          while (Instant.now().isBefore(claimBy.plusSeconds(2))) {
            won += marker.mark(ticketId, DeadlineKind.CLAIM, claimBy) ? 1 : 0;
          }
          return won;
        };
        results.add(pool.submit(spin));
      }
      int winners = 0;
      for (Future<Integer> result : results) {
        winners += result.get();
      }
      assertThat(winners).isLessThanOrEqualTo(1);
    } finally {
      pool.shutdownNow();
    }
    await().atMost(WAIT).until(() -> overdueKinds(ticketId).contains("CLAIM"));
    await().during(Duration.ofSeconds(1)).atMost(WAIT)
        .until(() -> overdueKinds(ticketId).stream().filter("CLAIM"::equals).count() == 1);
  }
}
