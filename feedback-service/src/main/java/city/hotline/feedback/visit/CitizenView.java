package city.hotline.feedback.visit;

import java.time.Instant;
import java.util.Date;
import org.bson.Document;

/**
 * What a citizen sees through their rating link: the ticket, the unit's answer and where the visit stands.
 * Nothing personal: whoever holds the link sees no name, phone or address.
 */
public record CitizenView(String ticketId, VisitState state, Instant resolvedAt, String reply, String outcome,
    Instant linkExpiresAt) {

  static CitizenView of(Document visit) {
    Date resolvedAt = visit.getDate("resolvedAt");
    RatingLink.Issued link = VisitRepository.link(visit);
    return new CitizenView(visit.getString("_id"), VisitState.valueOf(visit.getString("state")),
        resolvedAt == null ? null : resolvedAt.toInstant(), visit.getString("reply"),
        visit.getString("state").equals(VisitState.CLOSED.name()) ? visit.getString("outcome")
            : visit.getInteger("reopenCount", 0) > 0 && !VisitState.OPEN.name().equals(visit.getString("state"))
                ? "REOPENED" : null,
        link == null ? null : link.expiresAt());
  }
}
