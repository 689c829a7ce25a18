package city.hotline.dispatch.sla;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Collection;
import java.util.List;

/**
 * One year of the holiday calendar as the State Council's notice publishes it: public holidays (节假日)
 * and make-up working days (调休), which are weekend days worked in exchange.
 *
 * @param source the notice the dates come from, e.g. 国办发明电 and its date
 * @param version bumped on every change; an edit of an older version is refused
 */
public record CalendarYear(int year, List<LocalDate> holidays, List<LocalDate> makeUpWorkdays, String source,
    String updatedBy, Instant updatedAt, int version) {

  public CalendarYear {
    holidays = sorted(holidays);
    makeUpWorkdays = sorted(makeUpWorkdays);
  }

  private static List<LocalDate> sorted(Collection<LocalDate> dates) {
    return dates == null ? List.of() : dates.stream().distinct().sorted().toList();
  }
}
