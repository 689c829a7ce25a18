package city.hotline.feedback.surge;

import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import java.time.Instant;
import java.util.Optional;

/**
 * A registration as surge detection counts it: when, what, where, and the grid cell of its map point (null without
 * one). Only this travels through the repartition topic and the state store, never who called.
 */
record Call(String ticketId, Instant at, String category, String district, String cell) {
  static final String CONSULTATION = "CONSULTATION";

  /**
   * The call an event registers: every ComplaintRegistered but a consultation (咨询), a repeat call merged at
   * registration (重复件) included, since twenty households calling about one gas smell is the surge.
   */
  static Optional<Call> of(EventEnvelope<?> event, double cellDegrees) {
    if (!(event.payload() instanceof ComplaintRegistered registered) || CONSULTATION.equals(registered.type())
        || registered.facts() == null || registered.facts().category() == null
        || registered.facts().district() == null) {
      return Optional.empty();
    }
    String cell = GridCell.of(registered.longitude(), registered.latitude(), cellDegrees).map(GridCell::id).orElse(null);
    return Optional.of(new Call(event.ticketId(), event.occurredAt(), registered.facts().category(),
        registered.facts().district(), cell));
  }

  /** This call, dated {@code latest} if it claims a later time (a caller's clock ahead must not move the window). */
  Call notAfter(Instant latest) {
    return at.isAfter(latest) ? new Call(ticketId, latest, category, district, cell) : this;
  }

  /** The key surges are watched under: a category in a district. */
  String key() {
    return category + "|" + district;
  }
}
