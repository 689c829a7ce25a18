package city.hotline.support;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that starts in the past and runs {@code speed} times faster than real time until it has
 * caught up with it, then is the real clock. Only for seeding a demonstration system with a month of
 * history through the real pipeline (./hotline seed): every service is started with the same
 * {@code from}, {@code anchor} and {@code speed}, so all of them read the same time at the same
 * moment, and the time never jumps and never runs ahead of the real one.
 *
 * @param from the simulated time at the real moment {@code anchor}
 */
public final class CatchUpClock extends Clock {
  private final Instant from;
  private final Instant anchor;
  private final double speed;
  private final Clock real;

  public CatchUpClock(Instant from, Instant anchor, double speed, Clock real) {
    if (!from.isBefore(anchor) || speed <= 1) {
      throw new IllegalArgumentException("a catch-up clock starts in the past and runs faster than real time");
    }
    this.from = from;
    this.anchor = anchor;
    this.speed = speed;
    this.real = real;
  }

  @Override
  public Instant instant() {
    Instant now = real.instant();
    long elapsedMillis = Duration.between(anchor, now).toMillis();
    Instant simulated = from.plusMillis((long) (Math.max(0, elapsedMillis) * speed));
    return simulated.isBefore(now) ? simulated : now;
  }

  /** When the simulated time meets the real one. */
  public Instant caughtUpAt() {
    long gapMillis = Duration.between(from, anchor).toMillis();
    return anchor.plusMillis((long) Math.ceil(gapMillis / (speed - 1)));
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    return zone.equals(ZoneOffset.UTC) ? this : new Zoned(this, zone);
  }

  /** The same clock, read in another zone. */
  private static final class Zoned extends Clock {
    private final CatchUpClock clock;
    private final ZoneId zone;

    Zoned(CatchUpClock clock, ZoneId zone) {
      this.clock = clock;
      this.zone = zone;
    }

    @Override
    public Instant instant() {
      return clock.instant();
    }

    @Override
    public ZoneId getZone() {
      return zone;
    }

    @Override
    public Clock withZone(ZoneId other) {
      return new Zoned(clock, other);
    }
  }
}
