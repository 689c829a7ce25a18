package city.hotline.feedback.visit;

import city.hotline.contracts.CaseEvent;
import city.hotline.contracts.EventType;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * One change of a {@link Visit} as its rules decided it, by field name: what the visit must still hold
 * (the guard), what it sets, what it appends, and the event it publishes with it (none while the visit
 * stays open). {@link VisitRepository#apply} writes it as one guarded update, the event in the same
 * document's outbox, so neither exists without the other.
 */
record VisitChange(String ticketId, Map<String, Object> expected, Map<String, Object> sets,
    Map<String, Object> pushes, Optional<Event> event) {

  /** The event to publish: its type, when it happened, and its payload. */
  record Event(EventType type, Instant at, CaseEvent payload) {}

  static VisitChange of(String ticketId) {
    return new VisitChange(ticketId, Map.of(), Map.of(), Map.of(), Optional.empty());
  }

  VisitChange expecting(String field, Object value) {
    return new VisitChange(ticketId, with(expected, field, value), sets, pushes, event);
  }

  VisitChange setting(String field, Object value) {
    return new VisitChange(ticketId, expected, with(sets, field, value), pushes, event);
  }

  VisitChange pushing(String field, Object value) {
    return new VisitChange(ticketId, expected, sets, with(pushes, field, value), event);
  }

  VisitChange publishing(EventType type, Instant at, CaseEvent payload) {
    return new VisitChange(ticketId, expected, sets, pushes, Optional.of(new Event(type, at, payload)));
  }

  /** A copy with one more entry; values may be null (a guard that a field is absent). */
  private static Map<String, Object> with(Map<String, Object> map, String field, Object value) {
    Map<String, Object> copy = new LinkedHashMap<>(map);
    copy.put(field, value);
    return Collections.unmodifiableMap(copy);
  }
}
