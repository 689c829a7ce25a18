package city.hotline.feedback.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import city.hotline.support.metrics.ClockPasses;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The no-response clock's freshness: only a pass that got through resets the time since its last pass. */
class VisitClockTest {
  /** Long enough to tell a reset from time merely passing, short enough to keep the test fast. */
  private static final double STALE = 0.1;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ClockPasses clocks = new ClockPasses(registry);

  private double sinceLastPass() {
    return registry.get("hotline.clock.since.last.pass").tag("clock", "visit-no-response").timeGauge().value();
  }

  private double staleness() {
    await().until(() -> sinceLastPass() >= STALE);
    return sinceLastPass();
  }

  @Test
  void aPassThatGotThroughResetsTheTimeSinceTheLastPassAndTheIntervalIsTheClocks() {
    VisitClock clock = new VisitClock(() -> 3, clocks, Duration.ofSeconds(30));
    double stale = staleness();

    clock.tick();

    assertThat(sinceLastPass()).isLessThan(stale);
    assertThat(registry.get("hotline.clock.interval").tag("clock", "visit-no-response").timeGauge().value())
        .isEqualTo(30.0);
  }

  @Test
  void aPassThatFailedLeavesTheClockLookingStalled() {
    VisitClock clock = new VisitClock(() -> {
      throw new IllegalStateException("database unreachable");
    }, clocks, Duration.ofSeconds(30));
    double stale = staleness();

    assertThatThrownBy(clock::tick).hasMessageContaining("unreachable");

    assertThat(sinceLastPass()).isGreaterThanOrEqualTo(stale);
  }
}
