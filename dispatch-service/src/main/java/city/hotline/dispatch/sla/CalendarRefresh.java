package city.hotline.dispatch.sla;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;

/**
 * Re-reads the calendar every {@code hotline.calendar.refresh-interval}, so an edit made through another
 * replica counts here within that interval, and warns (at start, and when the year turns) about a current
 * or next year with no holidays entered yet.
 */
@Component
class CalendarRefresh implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(CalendarRefresh.class);

  private final CalendarStore store;
  private final CalendarSettings settings;
  private final Clock clock;
  /** Each missing year is warned about once per process, not every interval. */
  private final Set<Integer> warned = ConcurrentHashMap.newKeySet();
  private ScheduledExecutorService timer;

  CalendarRefresh(CalendarStore store, CalendarSettings settings, Clock clock) {
    this.store = store;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  public synchronized void start() {
    warnAboutMissingYears();
    timer = Executors.newSingleThreadScheduledExecutor(task -> {
      Thread thread = new Thread(task, "calendar-refresh");
      thread.setDaemon(true);
      return thread;
    });
    long every = settings.refreshInterval().toMillis();
    timer.scheduleWithFixedDelay(this::refresh, every, every, TimeUnit.MILLISECONDS);
  }

  @Override
  public synchronized void stop() {
    if (timer != null) {
      timer.shutdownNow();
      timer = null;
    }
  }

  @Override
  public synchronized boolean isRunning() {
    return timer != null;
  }

  private void refresh() {
    try {
      store.reload();
      warnAboutMissingYears();
    } catch (RuntimeException e) {
      // The database is away: the calendar in force stays until the next interval reads it again.
      log.warn("working calendar refresh failed, keeping the calendar in force: {}", e.toString());
    }
  }

  private void warnAboutMissingYears() {
    List<Integer> missing = CalendarEdits.missingYears(store.years(), LocalDate.now(clock.withZone(settings.zone())).getYear());
    missing.stream().filter(warned::add).forEach(year -> log.warn(
        "working calendar has no holidays for year={}: deadlines count its weekdays as working days until the State "
            + "Council notice is entered with PUT /api/admin/calendar/{}", year, year));
  }
}
