package city.hotline.dispatch.casework;

import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.HotlineProperties;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import city.hotline.support.web.ApiException;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What every change to a case has in common: who may see it, the state check that answers 409, the
 * guarded write with its audit entry and event, and waking the outbox relay.
 */
@Component
class CaseWrites {
  private static final Logger log = LoggerFactory.getLogger(CaseWrites.class);

  private final CaseRepository cases;
  private final OutboxRelay outbox;
  private final Clock clock;
  private final String producer;

  CaseWrites(CaseRepository cases, OutboxRelay outbox, Clock clock, HotlineProperties properties) {
    this.cases = cases;
    this.outbox = outbox;
    this.clock = clock;
    this.producer = properties.serviceName();
  }

  Instant now() {
    return clock.instant();
  }

  <P> EventEnvelope<P> event(EventType type, String ticketId, Instant at, P payload) {
    return EventEnvelope.of(type, ticketId, producer, at, payload);
  }

  /** An event this service publishes because of another one: its id follows from the cause. */
  <P> EventEnvelope<P> eventCausedBy(EventEnvelope<?> cause, EventType type, Instant at, P payload) {
    return EventEnvelope.causedBy(cause, type, producer, at, payload);
  }

  /** Another unit's case is "not found" for a bureau user, so its existence does not leak. */
  Document load(String ticketId, Caller caller) {
    return cases.find(ticketId)
        .filter(kase -> caller.isScopedTo(kase.getString("unitId")))
        .orElseThrow(() -> ApiException.notFound("Case", ticketId));
  }

  /** The case's state, if the action is allowed from it; a 409 naming both otherwise. */
  static CaseState check(Document current, CaseAction action) {
    CaseState state = CaseDocuments.state(current);
    if (!action.allowedFrom(state)) {
      throw ApiException.conflict(action.refusal(current.getString("_id"), state));
    }
    return state;
  }

  /**
   * A user's change, written only if the case is still as the user saw it in every respect the
   * guards name (and, for bureau users, still with their unit); whoever changed it first wins and
   * this user gets a 409 saying what the case is now.
   */
  Document apply(Document seen, Caller caller, CaseAction action, List<Bson> guards, List<Bson> changes,
      Instant at, String note, EventEnvelope<?> event) {
    String ticketId = seen.getString("_id");
    CaseState state = check(seen, action);
    // Still in the state the user saw: a claim by a colleague in between is not undone by a return.
    List<Bson> allGuards = new ArrayList<>(guards);
    allGuards.add(Filters.eq("state", state.name()));
    if (caller.has(Role.BUREAU)) {
      allGuards.add(Filters.eq("unitId", caller.unitId()));
    }
    Document audit = CaseDocuments.audit(at, action, action.result(state), caller.actor(), note);
    Document updated = cases.transition(ticketId, action, allGuards, changes, audit, outbox.entry(event))
        .orElseThrow(() -> changedMeanwhile(ticketId, action));
    outbox.wake(CaseRepository.COLLECTION, ticketId);
    log.info("case {} ticketId={} state={} actor={}", action, ticketId, updated.getString("state"), caller.actor());
    return updated;
  }

  /** A change the system makes (from an event or the overdue clock); empty if the case was no longer as expected. */
  Optional<Document> applySystem(String ticketId, CaseAction action, List<Bson> guards, List<Bson> changes,
      Document audit, EventEnvelope<?> event) {
    Optional<Document> updated = cases.transition(ticketId, action, guards, changes, audit,
        event == null ? null : outbox.entry(event));
    if (updated.isPresent() && event != null) {
      outbox.wake(CaseRepository.COLLECTION, ticketId);
    }
    updated.ifPresent(d -> log.info("case {} ticketId={} state={}", action, ticketId, d.getString("state")));
    return updated;
  }

  private ApiException changedMeanwhile(String ticketId, CaseAction action) {
    Optional<Document> now = cases.find(ticketId);
    CaseState state = now.map(CaseDocuments::state).orElse(null);
    if (state != null && !action.allowedFrom(state)) {
      return ApiException.conflict(action.refusal(ticketId, state));
    }
    return ApiException.conflict("Case " + ticketId + " was changed by someone else meanwhile ("
        + (state == null ? "gone" : state) + "); reload it and try again");
  }
}
