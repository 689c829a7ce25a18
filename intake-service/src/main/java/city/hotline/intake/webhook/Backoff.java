package city.hotline.intake.webhook;

import java.time.Duration;
import java.util.function.DoubleSupplier;

/**
 * The wait before the next attempt of a failing delivery: the first wait, doubled with each further failure, capped,
 * and then drawn between half of it and all of it, so receivers that failed together are not all retried in the same
 * second when they come back.
 */
final class Backoff {
  private final Duration first;
  private final Duration max;
  private final DoubleSupplier random;

  /** @param random a number in [0, 1) */
  Backoff(Duration first, Duration max, DoubleSupplier random) {
    this.first = first;
    this.max = max;
    this.random = random;
  }

  /** @param failures how many attempts have failed so far, this one included (1 or more) */
  Duration after(int failures) {
    long capped = max.toMillis();
    long wait = first.toMillis();
    for (int i = 1; i < failures && wait < capped; i++) {
      wait *= 2;
    }
    wait = Math.min(wait, capped);
    long half = wait / 2;
    return Duration.ofMillis(half + (long) (random.getAsDouble() * (wait - half)));
  }
}
