package city.hotline.intake.citizen;

import java.time.Duration;
import java.time.Instant;

/** A fixed window of time, aligned to the epoch, that the page's counts (tries, reports) are kept in. */
record FixedWindow(Instant start, Instant end) {

  static FixedWindow at(Instant now, Duration length) {
    long millis = length.toMillis();
    Instant start = Instant.ofEpochMilli(now.toEpochMilli() - Math.floorMod(now.toEpochMilli(), millis));
    return new FixedWindow(start, start.plusMillis(millis));
  }

  Duration left(Instant now) {
    return Duration.between(now, end);
  }
}
