package city.hotline.feedback.visit;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/** A return visit in the operators' queue. */
public record VisitView(String ticketId, VisitState state, String district, String category, String unitId,
    Instant resolvedAt, int failedAttempts, String outcome, int reopenCount) {

  static VisitView of(Document d) {
    Document facts = d.get("facts", new Document());
    Date resolvedAt = d.getDate("resolvedAt");
    return new VisitView(d.getString("_id"), VisitState.valueOf(d.getString("state")), facts.getString("district"),
        facts.getString("category"), facts.getString("unitId"), resolvedAt == null ? null : resolvedAt.toInstant(),
        d.getInteger("failedAttempts", 0), d.getString("outcome"), d.getInteger("reopenCount", 0));
  }
}
