package city.hotline.feedback.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

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
  private static final VisitSettings SETTINGS = new VisitSettings(3, 2, Duration.ofDays(7), "http://localhost",
      Duration.ofDays(3), Duration.ofSeconds(30), 100);
  private final VisitService visits = mock(VisitService.class);

  private double sinceLastPass() {
    return registry.get("hotline.clock.since.last.pass").tag("clock", "visit-no-response").timeGauge().value();
  }

  private double staleness() {
    await().until(() -> sinceLastPass() >= STALE);
    return sinceLastPass();
  }

  @Test
  void aPassThatGotThroughResetsTheTimeSinceTheLastPassAndTheIntervalIsTheClocks() {
    when(visits.closeUnanswered()).thenReturn(3);
    VisitClock clock = new VisitClock(visits, clocks, SETTINGS);
    double stale = staleness();

    clock.tick();

    assertThat(sinceLastPass()).isLessThan(stale);
    assertThat(registry.get("hotline.clock.interval").tag("clock", "visit-no-response").timeGauge().value())
        .isEqualTo(30.0);
  }

  @Test
  void aPassThatFailedLeavesTheClockLookingStalled() {
    when(visits.closeUnanswered()).thenThrow(new IllegalStateException("database unreachable"));
    VisitClock clock = new VisitClock(visits, clocks, SETTINGS);
    double stale = staleness();

    assertThatThrownBy(clock::tick).hasMessageContaining("unreachable");

    assertThat(sinceLastPass()).isGreaterThanOrEqualTo(stale);
  }
}
