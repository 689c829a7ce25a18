package city.hotline.support.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.Test;

class ClockPassesTest {
  private final AtomicLong now = new AtomicLong(5_000_000_000L);
  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
  private final ClockPasses passes = new ClockPasses(registry, now::get);

  private double sinceLastPass(String clock) {
    return registry.get(ClockPasses.SINCE_LAST_PASS).tag("clock", clock).timeGauge().value();
  }

  @Test
  void aClockThatStopsCompletingShowsTheTimeSinceItsLastPassGrowing() {
    ClockPasses.Pass overdue = passes.register("overdue", Duration.ofSeconds(5));
    now.addAndGet(3_000_000_000L);
    assertThat(sinceLastPass("overdue")).as("counted from the start until the first pass").isEqualTo(3.0);
    overdue.completed();
    now.addAndGet(1_500_000_000L);
    assertThat(sinceLastPass("overdue")).isEqualTo(1.5);
    now.addAndGet(20_000_000_000L);
    assertThat(sinceLastPass("overdue")).isEqualTo(21.5);
  }

  @Test
  void eachClockShowsItsIntervalSoOneRuleFitsThemAll() {
    passes.register("visit-no-response", Duration.ofMinutes(1));
    passes.register("stats-rollup", Duration.ofMillis(2500));
    System.gc(); // the registry must keep what the gauges read, or they turn NaN

    assertThat(registry.get(ClockPasses.INTERVAL).tag("clock", "visit-no-response").timeGauge().value()).isEqualTo(60.0);
    assertThat(registry.get(ClockPasses.INTERVAL).tag("clock", "stats-rollup").timeGauge().value()).isEqualTo(2.5);
  }
}
