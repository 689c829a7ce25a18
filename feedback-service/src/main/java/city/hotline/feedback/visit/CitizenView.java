package city.hotline.feedback.visit;

import java.time.Instant;

/**
 * What a citizen sees through their rating link: the ticket, the unit's answer and where the visit stands.
 * Nothing personal: whoever holds the link sees no name, phone or address.
 */
public record CitizenView(String ticketId, VisitState state, Instant resolvedAt, String reply, String outcome,
    Instant linkExpiresAt) {

  static CitizenView of(Visit visit) {
    return new CitizenView(visit.ticketId(), visit.state(), visit.resolvedAt(), visit.reply(), outcome(visit),
        visit.ratingLink() == null ? null : visit.ratingLink().expiresAt());
  }

  /** The verdict once closed; REOPENED while the case is back with its unit (重办). */
  private static String outcome(Visit visit) {
    if (visit.state() == VisitState.CLOSED) {
      return visit.outcome();
    }
    return visit.reopenCount() > 0 && visit.state() != VisitState.OPEN ? "REOPENED" : null;
  }
}
