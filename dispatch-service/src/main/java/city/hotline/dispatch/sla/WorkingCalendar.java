package city.hotline.dispatch.sla;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/**
 * 工作时间 (SPEC §3): the working periods of a working day in the hotline's time zone; Monday to
 * Friday are working days except public holidays, and a weekend day is one when it is an official
 * make-up working day (调休). Deadlines of non-emergency cases count only this time.
 */
public final class WorkingCalendar {
  /** A limit that finds no working time within ten years means a broken calendar, not a deadline. */
  private static final int MAX_DAYS = 3660;

  private final ZoneId zone;
  private final List<Period> periods;
  private final Set<LocalDate> holidays;
  private final Set<LocalDate> makeUpWorkdays;

  /** One stretch of working time within a day, e.g. 08:30–12:00. */
  public record Period(LocalTime start, LocalTime end) {
    public Period {
      if (!start.isBefore(end)) {
        throw new IllegalArgumentException("a working period must end after it starts: " + start + "-" + end);
      }
    }

    /** Parses {@code 08:30-12:00}. */
    public static Period parse(String text) {
      String[] ends = text.split("-");
      if (ends.length != 2) {
        throw new IllegalArgumentException("a working period looks like 08:30-12:00, not " + text);
      }
      return new Period(LocalTime.parse(ends[0].trim()), LocalTime.parse(ends[1].trim()));
    }

    Duration length() {
      return Duration.between(start, end);
    }
  }

  public WorkingCalendar(ZoneId zone, List<Period> periods, Set<LocalDate> holidays, Set<LocalDate> makeUpWorkdays) {
    this.zone = zone;
    this.periods = periods.stream().sorted(Comparator.comparing(Period::start)).toList();
    for (int i = 1; i < this.periods.size(); i++) {
      if (this.periods.get(i).start().isBefore(this.periods.get(i - 1).end())) {
        throw new IllegalArgumentException("working periods overlap: " + this.periods);
      }
    }
    if (this.periods.isEmpty()) {
      throw new IllegalArgumentException("a working day needs at least one working period");
    }
    this.holidays = Set.copyOf(holidays);
    this.makeUpWorkdays = Set.copyOf(makeUpWorkdays);
  }

  public boolean isWorkingDay(LocalDate day) {
    if (makeUpWorkdays.contains(day)) {
      return true;
    }
    boolean weekend = day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
    return !weekend && !holidays.contains(day);
  }

  /** How much working time one working day holds (7.5 hours with the SPEC's hours). */
  public Duration workingDay() {
    return periods.stream().map(Period::length).reduce(Duration.ZERO, Duration::plus);
  }

  /** The instant at which {@code amount} of working time has passed since {@code start}. */
  public Instant plus(Instant start, Duration amount) {
    ZonedDateTime at = start.atZone(zone);
    LocalDate day = at.toLocalDate();
    LocalTime from = at.toLocalTime();
    Duration left = amount;
    for (int i = 0; i < MAX_DAYS; i++, day = day.plusDays(1), from = LocalTime.MIDNIGHT) {
      if (!isWorkingDay(day)) {
        continue;
      }
      for (Period period : periods) {
        LocalTime begin = from.isAfter(period.start()) ? from : period.start();
        if (!begin.isBefore(period.end())) {
          continue;
        }
        Duration available = Duration.between(begin, period.end());
        if (left.compareTo(available) <= 0) {
          return day.atTime(begin).plus(left).atZone(zone).toInstant();
        }
        left = left.minus(available);
      }
    }
    throw new IllegalStateException("no working time left within " + MAX_DAYS + " days of " + start);
  }
}
