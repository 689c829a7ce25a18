package city.hotline.dispatch.sla;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * A case's claim and resolve deadlines, counted from dispatch in natural time. The working-time
 * calendar (SPEC §3) will replace the counting for non-emergency urgencies.
 */
public record Deadlines(Instant claimBy, Instant resolveBy) {

  public static Deadlines from(Instant dispatchedAt, String urgency, SlaSettings sla) {
    return new Deadlines(dispatchedAt.plus(limit(sla.claim(), urgency, "claim")),
        dispatchedAt.plus(limit(sla.resolve(), urgency, "resolve")));
  }

  private static Duration limit(Map<String, Duration> limits, String urgency, String what) {
    Duration limit = limits.get(urgency);
    if (limit == null) {
      throw new IllegalArgumentException("no " + what + " time limit configured for urgency " + urgency);
    }
    return limit;
  }
}
