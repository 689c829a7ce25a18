package city.hotline.dispatch.casework;

import city.hotline.contracts.EventType;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bson.conversions.Bson;

/**
 * One step of a case as {@link Case} decided it: the guards the stored case must still meet (always the
 * state it was decided from), the writes, the audit entry and the event to publish. {@link CaseRepository}
 * applies it as one guarded single-document update with the event in the case's outbox, so whoever changed
 * the case first wins and the step is never half done.
 *
 * @param action null for a step that only keeps the overdue clock's field right (no trail, no event)
 * @param audit null when the step leaves no trace in the trail
 * @param event null when nothing is published (the step was announced elsewhere)
 */
record CaseChange(String ticketId, CaseAction action, List<Bson> guards, List<Bson> updates,
    Case.AuditEntry audit, Event event) {

  /** An event to publish, as its type, time and payload; the envelope is made where the producer is known. */
  record Event(EventType type, Instant at, Object payload) {}

  /** A step taken by {@code actor} at {@code at} from the case as read. */
  static CaseChange of(Case kase, CaseAction action, Instant at, String actor, String note, List<Bson> guards,
      List<Bson> writes, Event event) {
    CaseState to = action.result(kase.state());
    Case.AuditEntry audit = new Case.AuditEntry(at, action.name(), to, actor, note);
    List<Bson> updates = new ArrayList<>(writes);
    if (action.changesState()) {
      updates.add(Updates.set(Case.STATE, to));
    }
    updates.add(Updates.push(Case.AUDIT, audit));
    return new CaseChange(kase.ticketId(), action, guarded(kase, guards), withRev(updates), audit, event);
  }

  /** A write that only puts the clock's field right again, if the case is still exactly as read. */
  static CaseChange untraced(Case kase, List<Bson> writes) {
    return new CaseChange(kase.ticketId(), null, guarded(kase, List.of(Filters.eq(Case.REV, kase.rev()))),
        withRev(writes), null, null);
  }

  /** The same step, also guarded by {@code guard}. */
  CaseChange guardedBy(Bson guard) {
    List<Bson> all = new ArrayList<>(guards);
    all.add(guard);
    return new CaseChange(ticketId, action, List.copyOf(all), updates, audit, event);
  }

  /** The same step without its event: it was published when it was first made. */
  CaseChange withoutEvent() {
    return new CaseChange(ticketId, action, guards, updates, audit, null);
  }

  /** Sets the field, or removes it when there is no value, so an absent value is never stored as null. */
  static Bson setOrUnset(String field, Object value) {
    return value == null ? Updates.unset(field) : Updates.set(field, value);
  }

  private static List<Bson> guarded(Case kase, List<Bson> guards) {
    List<Bson> all = new ArrayList<>();
    all.add(Filters.eq(Case.STATE, kase.state()));
    all.addAll(guards);
    return List.copyOf(all);
  }

  private static List<Bson> withRev(List<Bson> writes) {
    List<Bson> all = new ArrayList<>(writes);
    all.add(Updates.inc(Case.REV, 1));
    return List.copyOf(all);
  }
}
