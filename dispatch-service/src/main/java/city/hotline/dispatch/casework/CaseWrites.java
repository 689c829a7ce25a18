package city.hotline.dispatch.casework;

import city.hotline.contracts.EventEnvelope;
import city.hotline.support.HotlineProperties;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import city.hotline.support.web.ApiException;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * What applying any change of a case has in common: who may see the case, the change written with its
 * event in the outbox (or a 409 saying what the case is now), and waking the outbox relay.
 */
@Component
class CaseWrites {
  private static final Logger log = LoggerFactory.getLogger(CaseWrites.class);

  private final CaseRepository cases;
  private final OutboxRelay outbox;
  private final CaseSteps steps;
  private final Clock clock;
  private final String producer;

  CaseWrites(CaseRepository cases, OutboxRelay outbox, CaseSteps steps, Clock clock, HotlineProperties properties) {
    this.cases = cases;
    this.outbox = outbox;
    this.steps = steps;
    this.clock = clock;
    this.producer = properties.serviceName();
  }

  Instant now() {
    return clock.instant();
  }

  /** Another unit's case is "not found" for a bureau user, so its existence does not leak. */
  Case load(String ticketId, Caller caller) {
    return cases.find(ticketId)
        .filter(kase -> caller.isScopedTo(kase.unitId()))
        .orElseThrow(() -> ApiException.notFound("Case", ticketId));
  }

  /**
   * Stores a new case with the event that announces it; its id follows from the registration's, so a
   * database restored from a backup that opens the case again publishes the same event.
   *
   * @return false when the case was there already (a redelivery)
   */
  boolean open(Case.Opened opened, EventEnvelope<?> registration) {
    CaseChange.Event event = opened.event();
    EventEnvelope<?> envelope = EventEnvelope.causedBy(registration, event.type(), producer, event.at(), event.payload());
    if (!cases.insertIfAbsent(opened.kase(), outbox.entry(envelope))) {
      return false;
    }
    outbox.wake(CaseRepository.COLLECTION, opened.kase().ticketId());
    steps.taken(event);
    return true;
  }

  /**
   * A user's change, written only if the case is still as the user saw it in every respect the change's
   * guards name (and, for bureau users, still with their unit); whoever changed it first wins and this
   * user gets a 409 saying what the case is now.
   */
  Case apply(CaseChange change, Caller caller) {
    CaseChange guarded = caller.has(Role.BUREAU) ? change.guardedBy(Filters.eq(Case.UNIT_ID, caller.unitId())) : change;
    Case updated = write(guarded).orElseThrow(() -> changedMeanwhile(change.ticketId(), change.action()));
    log.info("case {} ticketId={} state={} actor={}", change.action(), change.ticketId(), updated.state(),
        caller.actor());
    return updated;
  }

  /** {@link #apply} a user's change and show the case as that user sees it now. */
  CaseView applyAndView(CaseChange change, Caller caller, Instant now) {
    return CaseView.of(apply(change, caller), caller, now);
  }

  /** A change the system makes (from an event or the overdue clock); empty if the case was no longer as expected. */
  Optional<Case> applySystem(CaseChange change) {
    Optional<Case> updated = write(change);
    if (change.action() != null) {
      updated.ifPresent(c -> log.info("case {} ticketId={} state={}", change.action(), change.ticketId(), c.state()));
    }
    return updated;
  }

  private Optional<Case> write(CaseChange change) {
    CaseChange.Event event = change.event();
    Optional<Case> updated = cases.apply(change, event == null ? null : outbox.entry(
        EventEnvelope.of(event.type(), change.ticketId(), producer, event.at(), event.payload())));
    if (updated.isPresent() && event != null) {
      outbox.wake(CaseRepository.COLLECTION, change.ticketId());
      steps.taken(event); // the one place a step is known to be stored: counted once, whoever retries or races
    }
    return updated;
  }

  private ApiException changedMeanwhile(String ticketId, CaseAction action) {
    CaseState state = cases.find(ticketId).map(Case::state).orElse(null);
    if (state != null && !action.allowedFrom(state)) {
      return ApiException.conflict(action.refusal(ticketId, state));
    }
    return ApiException.conflict("Case " + ticketId + " was changed by someone else meanwhile ("
        + (state == null ? "gone" : state) + "); reload it and try again");
  }
}
