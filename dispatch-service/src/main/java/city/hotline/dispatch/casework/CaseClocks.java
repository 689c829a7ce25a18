package city.hotline.dispatch.casework;

import city.hotline.dispatch.overdue.DeadlineKind;
import city.hotline.dispatch.overdue.SlaTimers;
import city.hotline.dispatch.sla.CalendarStore;
import city.hotline.dispatch.sla.Deadlines;
import city.hotline.dispatch.sla.SlaSettings;
import java.time.Instant;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Starts a case's claim and resolve clocks (SPEC §3) whenever a unit gets it: at routing, by hand,
 * after 重办. The overdue timers are filed before the case write that sets the deadlines, so no
 * deadline goes unwatched.
 */
@Component
class CaseClocks {
  private final SlaSettings sla;
  private final CalendarStore calendars;
  private final SlaTimers timers;

  CaseClocks(SlaSettings sla, CalendarStore calendars, SlaTimers timers) {
    this.sla = sla;
    this.calendars = calendars;
    this.timers = timers;
  }

  Deadlines start(String ticketId, Instant at, String urgency, String category, String type) {
    Deadlines deadlines = Deadlines.from(at, urgency, category, type, sla, calendars.current());
    timers.watch(ticketId, deadlines);
    return deadlines;
  }

  /** Fresh clocks for an existing case, from its own urgency, category and type. */
  Deadlines restart(Document kase, Instant at) {
    return start(kase.getString("_id"), at, kase.getString("urgency"), kase.getString("category"),
        kase.getString("type"));
  }

  /** Watches the deadlines a case already has (cases from before the overdue clock). */
  void watchCurrent(Document kase) {
    String ticketId = kase.getString("_id");
    Instant claimBy = CaseDocuments.instant(kase, "claimDeadline");
    Instant resolveBy = CaseDocuments.instant(kase, "resolveDeadline");
    if (claimBy != null && resolveBy != null) {
      timers.watch(ticketId, new Deadlines(claimBy, resolveBy));
    }
  }

  /** 回访时限 for a case resolved now: the return visit closes as NO_RESPONSE after it (feedback's clock). */
  Instant returnVisitDeadline(Instant resolvedAt) {
    return Deadlines.returnVisitBy(resolvedAt, sla, calendars.current());
  }

  /** Watches a resolve deadline moved by an approved extension. */
  void watchResolve(String ticketId, Instant deadline) {
    timers.watch(new SlaTimers.Timer(ticketId, DeadlineKind.RESOLVE, deadline));
  }
}
