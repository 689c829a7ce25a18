package city.hotline.dispatch.sla;

import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The working-time calendar's configuration, application.yml {@code hotline.calendar}: zone and working
 * periods, and the public holidays (节假日) and make-up working days (调休) that seed the {@code calendar_years}
 * collection on first start; after that admins edit the years through the API.
 *
 * @param refreshInterval how often each replica re-reads the years, so an edit made on another replica
 *     counts here within this interval
 * @param seedSource where the seeded dates come from (the State Council notice), shown with each seeded year
 */
@ConfigurationProperties("hotline.calendar")
public record CalendarSettings(ZoneId zone, List<String> workingHours, Set<LocalDate> holidays,
    Set<LocalDate> makeUpWorkdays, Duration refreshInterval, String seedSource) {

  public CalendarSettings {
    holidays = holidays == null ? Set.of() : Set.copyOf(holidays);
    makeUpWorkdays = makeUpWorkdays == null ? Set.of() : Set.copyOf(makeUpWorkdays);
    if (refreshInterval == null || refreshInterval.isNegative() || refreshInterval.isZero()) {
      throw new IllegalArgumentException("hotline.calendar.refresh-interval must be a positive duration, e.g. 60s");
    }
  }

  List<WorkingCalendar.Period> periods() {
    return workingHours.stream().map(WorkingCalendar.Period::parse).toList();
  }
}
