package city.hotline.dispatch.sla;

import org.springframework.stereotype.Component;

/** The working-time calendar in force now; deadlines are always computed with {@link #current()}. */
@Component
public class CalendarStore {
  private final WorkingCalendar calendar;

  CalendarStore(CalendarSettings settings) {
    this.calendar = new WorkingCalendar(settings.zone(),
        settings.workingHours().stream().map(WorkingCalendar.Period::parse).toList(),
        settings.holidays(), settings.makeUpWorkdays());
  }

  public WorkingCalendar current() {
    return calendar;
  }
}
