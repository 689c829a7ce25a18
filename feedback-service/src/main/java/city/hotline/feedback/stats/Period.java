package city.hotline.feedback.stats;

import city.hotline.support.web.ApiException.FieldProblem;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * A period of calendar days, both ends included: a dashboard question's or a governance topic's. Every period is
 * checked by the same rules, each broken one named by the same field: {@code from} and {@code to} are dates
 * (YYYY-MM-DD); {@code from} is not after {@code to}; the period covers at most the days allowed (named at
 * {@code from}); where the period may not reach past a day (hot spots: today), {@code to} is not after it.
 */
public record Period(LocalDate from, LocalDate to) {
  public static final String FROM = "from";
  public static final String TO = "to";

  /** How many days it covers, both ends included. */
  public long days() {
    return ChronoUnit.DAYS.between(from, to) + 1;
  }

  /** The period of the same length that ends the day before this one. */
  Period before() {
    return new Period(from.minusDays(days()), from.minusDays(1));
  }

  /** The same number of days from the same day a year earlier (29 February: the 28th). */
  Period yearEarlier() {
    LocalDate start = from.minusYears(1);
    return new Period(start, start.plusDays(days() - 1));
  }

  /** A day as sent: null when not sent (absent or blank) or when not a date, which is then added to the problems. */
  public static LocalDate date(String field, String value, List<FieldProblem> problems) {
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return LocalDate.parse(value.strip());
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(field, "must be a date as YYYY-MM-DD"));
      return null;
    }
  }

  /**
   * The period from … to, or null when it breaks a rule (each added to the problems).
   *
   * @param latest the last day it may reach, or null when any day may be asked for
   */
  public static Period checked(LocalDate from, LocalDate to, int maxDays, LocalDate latest,
      List<FieldProblem> problems) {
    int before = problems.size();
    if (from.isAfter(to)) {
      problems.add(new FieldProblem(FROM, "must not be after 'to'"));
    } else if (ChronoUnit.DAYS.between(from, to) + 1 > maxDays) {
      problems.add(new FieldProblem(FROM, "the period may cover at most " + maxDays + " days"));
    }
    if (latest != null && to.isAfter(latest)) {
      problems.add(new FieldProblem(TO, "must not be after today (" + latest + ")"));
    }
    return problems.size() == before ? new Period(from, to) : null;
  }
}
