package city.hotline.dispatch.sla;

import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The working-time calendar in force now; deadlines are always computed with {@link #current()}, which
 * never touches the database: the years are read at start, after every edit through the API and every
 * refresh interval (for edits made on other replicas), and swapped in whole.
 */
@Component
public class CalendarStore {
  private static final Logger log = LoggerFactory.getLogger(CalendarStore.class);

  private final CalendarSettings settings;
  private final CalendarRepository years;
  private final AtomicReference<Loaded> loaded = new AtomicReference<>();

  /** The calendar and the year versions it was built from (to tell whether a reload changed anything). */
  private record Loaded(WorkingCalendar calendar, Map<Integer, Integer> versions) {}

  CalendarStore(CalendarSettings settings, CalendarRepository years) {
    this.settings = settings;
    this.years = years;
    reload();
  }

  public WorkingCalendar current() {
    return loaded.get().calendar();
  }

  /** The years the calendar in force has dates for. */
  Set<Integer> years() {
    return loaded.get().versions().keySet();
  }

  /**
   * Reads every year from the database and puts the calendar they make in force. One reload at a time:
   * otherwise a scheduled refresh that read before an admin's edit could swap in its older calendar after
   * the edit's own reload.
   */
  synchronized void reload() {
    List<CalendarYear> all = years.all();
    Map<Integer, Integer> versions = all.stream()
        .collect(Collectors.toMap(CalendarYear::year, CalendarYear::version, (a, b) -> b, TreeMap::new));
    Loaded before = loaded.getAndSet(new Loaded(calendar(settings, all), versions));
    if (before == null || !before.versions().equals(versions)) {
      log.info("working calendar loaded yearVersions={}", versions);
    }
  }

  /** Working hours and zone from the configuration, holidays and make-up days of every year from the database. */
  static WorkingCalendar calendar(CalendarSettings settings, List<CalendarYear> years) {
    Set<LocalDate> holidays = new HashSet<>();
    Set<LocalDate> makeUps = new HashSet<>();
    years.forEach(year -> {
      holidays.addAll(year.holidays());
      makeUps.addAll(year.makeUpWorkdays());
    });
    return new WorkingCalendar(settings.zone(), settings.periods(), holidays, makeUps);
  }
}
