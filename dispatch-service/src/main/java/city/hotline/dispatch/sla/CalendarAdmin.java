package city.hotline.dispatch.sla;

import city.hotline.support.web.IfMatch;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The admin's 节假日 calendar: years replaced whole, versioned, and in force for deadlines as soon as saved. */
@Service
class CalendarAdmin {
  private static final Logger log = LoggerFactory.getLogger(CalendarAdmin.class);

  private final CalendarRepository years;
  private final CalendarStore store;
  private final CalendarSettings settings;
  private final Clock clock;

  CalendarAdmin(CalendarRepository years, CalendarStore store, CalendarSettings settings, Clock clock) {
    this.years = years;
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  /**
   * The whole calendar as configured and stored.
   *
   * @param missingYears the current and next year (in the calendar's zone) when they have no dates yet
   */
  record Overview(String zone, List<String> workingHours, List<CalendarYear> years, List<Integer> missingYears) {}

  record Saved(boolean created, CalendarYear year) {}

  Overview overview() {
    List<CalendarYear> all = years.all();
    int thisYear = LocalDate.now(clock.withZone(settings.zone())).getYear();
    return new Overview(settings.zone().getId(), settings.workingHours(), all,
        CalendarEdits.missingYears(all.stream().map(CalendarYear::year).toList(), thisYear));
  }

  CalendarYear year(int year) {
    return years.find(year).orElseThrow(() -> ApiException.notFound("calendar year", String.valueOf(year)));
  }

  /** Replaces a year's dates (or enters a new year) and puts the calendar in force on this replica at once. */
  Saved put(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, String source, OptionalInt expected,
      Caller caller) {
    List<FieldProblem> problems = CalendarEdits.validate(year, holidays, makeUpWorkdays, source);
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    Optional<CalendarYear> current = years.find(year);
    IfMatch.check(expected, current.map(CalendarYear::version).orElse(0), "calendar year " + year);
    CalendarYear next = CalendarEdits.next(current, year, holidays, makeUpWorkdays, source, caller.actor(),
        clock.instant());
    if (!years.save(next)) {
      throw ApiException.conflict("calendar year " + year + " was changed by someone else while version "
          + next.version() + " was being written: reload it and try again");
    }
    store.reload();
    log.info("calendar year saved year={} version={} holidays={} makeUpWorkdays={}", year, next.version(),
        next.holidays().size(), next.makeUpWorkdays().size());
    return new Saved(next.version() == 1, next);
  }
}
