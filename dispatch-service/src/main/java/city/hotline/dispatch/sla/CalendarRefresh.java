package city.hotline.dispatch.sla;

import city.hotline.support.PeriodicTask;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Re-reads the calendar every {@code hotline.calendar.refresh-interval}, so an edit made through another
 * replica counts here within that interval, and warns (at start, and when the year turns) about a current
 * or next year with no holidays entered yet. While the database is away the calendar in force stays.
 */
@Component
class CalendarRefresh extends PeriodicTask {
  private static final Logger log = LoggerFactory.getLogger(CalendarRefresh.class);

  private final CalendarStore store;
  private final CalendarSettings settings;
  private final Clock clock;
  /** Each missing year is warned about once per process, not every interval. */
  private final Set<Integer> warned = ConcurrentHashMap.newKeySet();

  CalendarRefresh(CalendarStore store, CalendarSettings settings, Clock clock) {
    super("calendar-refresh", settings.refreshInterval(),
        "working calendar refresh failed, keeping the calendar in force");
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  /** Warns at once; the store was read as it was built, so the first refresh comes an interval later. */
  @Override
  public void start() {
    warnAboutMissingYears();
    startAfter(interval());
  }

  @Override
  protected void runOnce() {
    store.reload();
    warnAboutMissingYears();
  }

  private void warnAboutMissingYears() {
    List<Integer> missing = CalendarEdits.missingYears(store.years(), LocalDate.now(clock.withZone(settings.zone())).getYear());
    missing.stream().filter(warned::add).forEach(year -> log.warn(
        "working calendar has no holidays for year={}: deadlines count its weekdays as working days until the State "
            + "Council notice is entered with PUT /api/admin/calendar/{}", year, year));
  }
}
