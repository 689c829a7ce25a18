package city.hotline.dispatch.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A case's claim (签收) and resolve (办结) deadlines, counted from dispatch: in natural time for the
 * urgencies configured so (紧急), otherwise in working time, where a configured day means one
 * working day ({@code 5d} is five working days, not 120 hours).
 */
public record Deadlines(Instant claimBy, Instant resolveBy) {

  public static Deadlines from(Instant dispatchedAt, String urgency, SlaSettings sla, WorkingCalendar calendar) {
    return new Deadlines(deadline(dispatchedAt, limit(sla.claim(), urgency, "claim"), urgency, sla, calendar),
        deadline(dispatchedAt, limit(sla.resolve(), urgency, "resolve"), urgency, sla, calendar));
  }

  private static Instant deadline(Instant from, Duration limit, String urgency, SlaSettings sla,
      WorkingCalendar calendar) {
    if (sla.naturalTime().contains(urgency)) {
      return from.plus(limit);
    }
    Duration working = calendar.workingDay().multipliedBy(limit.toDays()).plus(limit.minusDays(limit.toDays()));
    return calendar.plus(from, working);
  }

  private static Duration limit(Map<String, Duration> limits, String urgency, String what) {
    Duration limit = limits.get(urgency);
    if (limit == null) {
      throw new IllegalArgumentException("no " + what + " time limit configured for urgency " + urgency);
    }
    return limit;
  }
}
