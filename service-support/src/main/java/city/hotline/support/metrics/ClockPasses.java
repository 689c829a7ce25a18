package city.hotline.support.metrics;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import java.util.function.LongSupplier;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How fresh each clock is (overdue 超期, return-visit no-response, statistics roll-up): per clock, the
 * seconds since it last completed a pass ({@code hotline_clock_since_last_pass_seconds}) next to its
 * interval ({@code hotline_clock_interval_seconds}), so one alert rule catches any clock that stopped.
 * Counted in real elapsed time from the service's start, so a clock that never completes shows growing.
 */
@Component
public class ClockPasses {
  static final String SINCE_LAST_PASS = "hotline.clock.since.last.pass";
  static final String INTERVAL = "hotline.clock.interval";

  private final MeterRegistry registry;
  private final LongSupplier nanoTime;

  @Autowired
  public ClockPasses(MeterRegistry registry) {
    this(registry, System::nanoTime);
  }

  ClockPasses(MeterRegistry registry, LongSupplier nanoTime) {
    this.registry = registry;
    this.nanoTime = nanoTime;
  }

  /** Registers a clock that is meant to complete a pass every {@code interval}. */
  public Pass register(String clock, Duration interval) {
    Pass pass = new Pass(nanoTime);
    // Strong references: a gauge holds its object weakly, and a collected one reads NaN (nothing else keeps the interval).
    TimeGauge.builder(SINCE_LAST_PASS, pass, TimeUnit.SECONDS, Pass::secondsSinceLast).strongReference(true)
        .tag("clock", clock).description("Seconds since the clock last completed a pass").register(registry);
    TimeGauge.builder(INTERVAL, interval, TimeUnit.SECONDS, i -> i.toMillis() / 1000.0).strongReference(true)
        .tag("clock", clock).description("How often the clock is meant to complete a pass").register(registry);
    return pass;
  }

  /** One clock's passes: call {@link #completed()} at the end of every pass that did its whole work. */
  public static final class Pass {
    private final LongSupplier nanoTime;
    private volatile long lastCompleted;

    private Pass(LongSupplier nanoTime) {
      this.nanoTime = nanoTime;
      this.lastCompleted = nanoTime.getAsLong();
    }

    public void completed() {
      lastCompleted = nanoTime.getAsLong();
    }

    double secondsSinceLast() {
      return (nanoTime.getAsLong() - lastCompleted) / 1e9;
    }
  }
}
