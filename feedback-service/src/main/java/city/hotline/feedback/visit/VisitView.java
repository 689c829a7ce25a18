package city.hotline.feedback.visit;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * A return visit as operators see it: whom to call (operators may see a confidential caller's number:
 * they make the call), what was asked and answered, the attempts so far and the link's state.
 */
public record VisitView(String ticketId, VisitState state, String district, String category, String urgency,
    String unitId, Instant resolvedAt, Instant returnVisitDeadline, int failedAttempts, String outcome,
    int reopenCount, String callerName, String callerPhone, boolean confidential, String address,
    String description, String reply, List<AttemptView> attempts, LinkView ratingLink) {

  public record AttemptView(Instant at, String actor, String channel, boolean reached, String satisfaction,
      Integer score, Boolean solved, String comment) {}

  public record LinkView(Instant issuedAt, Instant expiresAt, boolean used) {}

  static VisitView of(Document d) {
    Document facts = d.get("facts", new Document());
    Document caller = d.get("caller", new Document());
    return new VisitView(d.getString("_id"), VisitState.valueOf(d.getString("state")), facts.getString("district"),
        facts.getString("category"), facts.getString("urgency"), facts.getString("unitId"),
        instant(d, "resolvedAt"), instant(d, "returnVisitDeadline"), d.getInteger("failedAttempts", 0),
        d.getString("outcome"), d.getInteger("reopenCount", 0), caller.getString("name"), caller.getString("phone"),
        caller.getBoolean("confidential", false), d.getString("address"), d.getString("description"),
        d.getString("reply"), d.getList("attempts", Document.class, List.of()).stream().map(VisitView::attempt).toList(),
        link(d.get("ratingLink", Document.class)));
  }

  private static AttemptView attempt(Document a) {
    return new AttemptView(instant(a, "at"), a.getString("actor"), a.getString("channel"),
        a.getBoolean("reached", false), a.getString("satisfaction"), a.getInteger("score"), a.getBoolean("solved"),
        a.getString("comment"));
  }

  private static LinkView link(Document link) {
    return link == null ? null
        : new LinkView(instant(link, "issuedAt"), instant(link, "expiresAt"), link.getDate("usedAt") != null);
  }

  private static Instant instant(Document d, String field) {
    Date date = d.getDate(field);
    return date == null ? null : date.toInstant();
  }
}
