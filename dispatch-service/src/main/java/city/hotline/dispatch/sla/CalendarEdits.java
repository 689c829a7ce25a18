package city.hotline.dispatch.sla;

import city.hotline.support.web.ApiException.FieldProblem;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.IntStream;

/** An admin's replacement of a calendar year, decided without storage: what is valid, and which version it makes. */
final class CalendarEdits {
  /** Bounds that catch a mistyped year; the calendar has no use for years outside them. */
  static final int FIRST_YEAR = 2000;
  static final int LAST_YEAR = 2100;
  static final int MAX_SOURCE_LENGTH = 200;

  private CalendarEdits() {}

  /** Every broken rule of a PUT at once, each naming its field (and list position). */
  static List<FieldProblem> validate(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, String source) {
    List<FieldProblem> problems = new ArrayList<>();
    if (year < FIRST_YEAR || year > LAST_YEAR) {
      problems.add(new FieldProblem("year", "must be from " + FIRST_YEAR + " to " + LAST_YEAR));
      return problems; // the dates cannot be checked against a year that is not one
    }
    if (holidays == null || holidays.isEmpty()) {
      problems.add(new FieldProblem("holidays", "must list the year's public holidays (节假日); every year has some"));
    } else {
      checkDates("holidays", holidays, year, problems);
    }
    List<LocalDate> makeUps = makeUpWorkdays == null ? List.of() : makeUpWorkdays;
    checkDates("makeUpWorkdays", makeUps, year, problems);
    Set<LocalDate> holidaySet = holidays == null ? Set.of() : new HashSet<>(holidays);
    for (int i = 0; i < makeUps.size(); i++) {
      LocalDate day = makeUps.get(i);
      if (day == null) {
        continue;
      }
      String field = "makeUpWorkdays[" + i + "]";
      if (holidaySet.contains(day)) {
        problems.add(new FieldProblem(field, day + " is also listed as a holiday; a day is one or the other"));
      }
      if (!isWeekend(day)) {
        // 调休 moves work onto a weekend day; a weekday is a working day anyway.
        problems.add(new FieldProblem(field, day + " is a " + day.getDayOfWeek() + "; a make-up working day (调休) is a Saturday or Sunday"));
      }
    }
    if (source == null || source.isBlank()) {
      problems.add(new FieldProblem("source", "is required: the notice the dates come from"));
    } else if (source.strip().length() > MAX_SOURCE_LENGTH) {
      problems.add(new FieldProblem("source", "must be at most " + MAX_SOURCE_LENGTH + " characters"));
    }
    return problems;
  }

  private static void checkDates(String name, List<LocalDate> dates, int year, List<FieldProblem> problems) {
    for (int i = 0; i < dates.size(); i++) {
      LocalDate day = dates.get(i);
      if (day == null) {
        problems.add(new FieldProblem(name + "[" + i + "]", "must be a date like " + year + "-10-01"));
      } else if (day.getYear() != year) {
        problems.add(new FieldProblem(name + "[" + i + "]", day + " is not in " + year));
      }
    }
  }

  private static boolean isWeekend(LocalDate day) {
    return day.getDayOfWeek() == DayOfWeek.SATURDAY || day.getDayOfWeek() == DayOfWeek.SUNDAY;
  }

  /** The year as replaced: version 1 when new, else the version after the one it replaces. */
  static CalendarYear next(Optional<CalendarYear> current, int year, List<LocalDate> holidays,
      List<LocalDate> makeUpWorkdays, String source, String by, Instant at) {
    int version = current.map(CalendarYear::version).orElse(0) + 1;
    return new CalendarYear(year, holidays, makeUpWorkdays == null ? List.of() : makeUpWorkdays, source.strip(), by, at,
        version);
  }

  /**
   * The current and next year when they have no calendar yet: deadlines in such a year count every
   * weekday as a working day, so the admin must enter it when the notice is published (usually in November).
   */
  static List<Integer> missingYears(Collection<Integer> present, int currentYear) {
    return IntStream.of(currentYear, currentYear + 1).filter(y -> !present.contains(y)).boxed().toList();
  }
}
