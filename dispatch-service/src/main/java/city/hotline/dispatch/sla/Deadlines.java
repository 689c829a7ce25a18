package city.hotline.dispatch.sla;

import java.time.Duration;
import java.time.Instant;

/**
 * A case's claim (签收) and resolve (办结) deadlines, counted from dispatch: in natural time for the
 * urgencies configured so (紧急), otherwise in working time, where a configured day means one
 * working day ({@code 5d} is five working days, not 120 hours).
 */
public record Deadlines(Instant claimBy, Instant resolveBy) {

  /** @param type the call type (COMPLAINT, CONSULTATION, …), which may carry limits of its own */
  public static Deadlines from(Instant dispatchedAt, String urgency, String category, String type, SlaSettings sla,
      WorkingCalendar calendar) {
    Duration claim = sla.claimLimit(urgency, category, type).orElseThrow(() -> missing("claim", urgency));
    Duration resolve = sla.resolveLimit(urgency, category, type).orElseThrow(() -> missing("resolve", urgency));
    return new Deadlines(deadline(dispatchedAt, claim, urgency, sla, calendar),
        deadline(dispatchedAt, resolve, urgency, sla, calendar));
  }

  /** 回访时限: when a return visit that reached nobody and got no rating closes as NO_RESPONSE. */
  public static Instant returnVisitBy(Instant resolvedAt, SlaSettings sla, WorkingCalendar calendar) {
    return calendar.plus(resolvedAt, working(sla.returnVisit(), calendar));
  }

  private static Duration working(Duration limit, WorkingCalendar calendar) {
    return calendar.workingDay().multipliedBy(limit.toDays()).plus(limit.minusDays(limit.toDays()));
  }

  private static Instant deadline(Instant from, Duration limit, String urgency, SlaSettings sla,
      WorkingCalendar calendar) {
    if (sla.naturalTime().contains(urgency)) {
      return from.plus(limit);
    }
    return calendar.plus(from, working(limit, calendar));
  }

  private static IllegalArgumentException missing(String what, String urgency) {
    return new IllegalArgumentException("no " + what + " time limit configured for urgency " + urgency);
  }
}
