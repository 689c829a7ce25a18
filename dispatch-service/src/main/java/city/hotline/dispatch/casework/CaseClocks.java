package city.hotline.dispatch.casework;

import city.hotline.dispatch.sla.CalendarStore;
import city.hotline.dispatch.sla.Deadlines;
import city.hotline.dispatch.sla.SlaSettings;
import java.time.Instant;
import org.springframework.stereotype.Component;

/**
 * A case's claim and resolve deadlines (SPEC §3) whenever a unit gets it: at routing, by hand, after
 * 重办, from the configured limits and the working calendar of the day. The overdue clock needs no
 * filing: it finds passed deadlines by the case's own {@code dueAt}.
 */
@Component
class CaseClocks {
  private final SlaSettings sla;
  private final CalendarStore calendars;

  CaseClocks(SlaSettings sla, CalendarStore calendars) {
    this.sla = sla;
    this.calendars = calendars;
  }

  Deadlines start(Instant at, String urgency, String category, String type) {
    return Deadlines.from(at, urgency, category, type, sla, calendars.current());
  }

  /** Fresh clocks for an existing case, from its own urgency, category and type. */
  Deadlines start(Case kase, Instant at) {
    return start(at, kase.urgency(), kase.category(), kase.type());
  }

  /** 回访时限 for a case resolved now: the return visit closes as NO_RESPONSE after it (feedback's clock). */
  Instant returnVisitDeadline(Instant resolvedAt) {
    return Deadlines.returnVisitBy(resolvedAt, sla, calendars.current());
  }
}
