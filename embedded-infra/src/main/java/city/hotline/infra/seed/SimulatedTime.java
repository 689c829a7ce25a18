package city.hotline.infra.seed;

import java.time.Duration;
import java.time.Instant;

/**
 * The seeding run's time, as every service reads it through its catch-up clock: {@code from} at the
 * real moment {@code anchor}, then {@code speed} times faster, never ahead of real time.
 */
record SimulatedTime(Instant from, Instant anchor, double speed) {

  Instant now() {
    Instant real = Instant.now();
    long elapsed = Math.max(0, Duration.between(anchor, real).toMillis());
    Instant simulated = from.plusMillis((long) (elapsed * speed));
    return simulated.isBefore(real) ? simulated : real;
  }

  /**
   * How long in real time until the simulated clock shows {@code at} (zero if it already has). Before
   * the anchor the simulated clock stands still at {@code from}, so this counts from the anchor.
   */
  Duration realDelayUntil(Instant at) {
    Instant realMoment = anchor.plusMillis((long) Math.ceil(Duration.between(from, at).toMillis() / speed));
    Duration delay = Duration.between(Instant.now(), realMoment);
    return delay.isNegative() ? Duration.ZERO : delay;
  }

  /** When, in simulated time, the clock meets real time: the end of the seeded period. */
  Instant caughtUpAt() {
    long gap = Duration.between(from, anchor).toMillis();
    return anchor.plusMillis((long) Math.ceil(gap / (speed - 1)));
  }
}
