package city.hotline.dispatch.overdue;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import city.hotline.support.metrics.ClockPasses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The overdue clock's freshness: only a pass that got through resets the time since its last pass. */
class OverdueClockTest {
  /** Long enough to tell a reset from time merely passing, short enough to keep the test fast. */
  private static final double STALE = 0.1;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ClockPasses clocks = new ClockPasses(registry);

  private double sinceLastPass() {
    return registry.get("hotline.clock.since.last.pass").tag("clock", "overdue").timeGauge().value();
  }

  private double staleness() {
    await().until(() -> sinceLastPass() >= STALE);
    return sinceLastPass();
  }

  @Test
  void aPassThatGotThroughResetsTheTimeSinceTheLastPassAndTheIntervalIsTheScanInterval() {
    OverdueClock clock = new OverdueClock(() -> 2, clocks, Duration.ofSeconds(15));
    double stale = staleness();

    clock.tick();

    assertThat(sinceLastPass()).isLessThan(stale);
    assertThat(registry.get("hotline.clock.interval").tag("clock", "overdue").timeGauge().value()).isEqualTo(15.0);
  }

  @Test
  void aPassThatFailedLeavesTheClockLookingStalled() {
    OverdueClock clock = new OverdueClock(() -> {
      throw new IllegalStateException("database unreachable");
    }, clocks, Duration.ofSeconds(15));
    double stale = staleness();

    assertThatThrownBy(clock::tick).hasMessageContaining("unreachable");

    assertThat(sinceLastPass()).isGreaterThanOrEqualTo(stale);
  }
}
