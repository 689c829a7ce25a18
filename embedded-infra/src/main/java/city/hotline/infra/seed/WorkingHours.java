package city.hotline.infra.seed;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;

/**
 * When the simulated bureau staff are at work: Mon–Fri 08:30–12:00 and 14:00–18:00 in the city's zone
 * (SPEC §3). Public holidays are left out: the seeder only plans when people act, dispatch's own
 * calendar decides what is on time.
 */
final class WorkingHours {
  private static final LocalTime[][] PERIODS = {
    {LocalTime.of(8, 30), LocalTime.of(12, 0)}, {LocalTime.of(14, 0), LocalTime.of(18, 0)}};

  private final ZoneId zone;

  WorkingHours(ZoneId zone) {
    this.zone = zone;
  }

  /** The given amount of working time after {@code start}. */
  Instant plus(Instant start, Duration amount) {
    ZonedDateTime at = start.atZone(zone);
    Duration left = amount;
    while (true) {
      at = nextWorking(at);
      ZonedDateTime periodEnd = periodEnd(at);
      Duration available = Duration.between(at, periodEnd);
      if (left.compareTo(available) <= 0) {
        return at.plus(left).toInstant();
      }
      left = left.minus(available);
      at = periodEnd;
    }
  }

  /** The moment itself if staff are at work then, else when they next are. */
  Instant nextWorkingMoment(Instant at) {
    return nextWorking(at.atZone(zone)).toInstant();
  }

  private static ZonedDateTime nextWorking(ZonedDateTime at) {
    ZonedDateTime t = at;
    while (true) {
      if (t.getDayOfWeek() != DayOfWeek.SATURDAY && t.getDayOfWeek() != DayOfWeek.SUNDAY) {
        for (LocalTime[] period : PERIODS) {
          ZonedDateTime start = t.with(period[0]);
          ZonedDateTime end = t.with(period[1]);
          if (t.isBefore(end)) {
            return t.isBefore(start) ? start : t;
          }
        }
      }
      t = t.toLocalDate().plusDays(1).atStartOfDay(t.getZone());
    }
  }

  private static ZonedDateTime periodEnd(ZonedDateTime working) {
    for (LocalTime[] period : PERIODS) {
      if (!working.toLocalTime().isBefore(period[0]) && working.toLocalTime().isBefore(period[1])) {
        return working.with(period[1]);
      }
    }
    throw new IllegalStateException(working + " is not in working hours");
  }
}
