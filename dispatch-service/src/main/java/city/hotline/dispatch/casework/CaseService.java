package city.hotline.dispatch.casework;

import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseReopened;
import city.hotline.contracts.ComplaintMerged;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.dispatch.routing.Router;
import city.hotline.dispatch.routing.RoutingRepository;
import city.hotline.dispatch.routing.RoutingRule;
import city.hotline.dispatch.routing.Unit;
import city.hotline.support.kafka.EventNotYetApplicableException;
import city.hotline.support.security.Caller;
import java.time.Instant;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * A case's life as the other services' events drive it: opened and routed (派单) from a registration,
 * withdrawn when intake merges it (重复件), sent back to its unit when the citizen is dissatisfied
 * (重办), closed (结案) after the return visit. Each is idempotent under redelivery.
 */
@Service
class CaseService {
  private static final Logger log = LoggerFactory.getLogger(CaseService.class);

  private final CaseRepository cases;
  private final CaseWrites writes;
  private final CaseClocks clocks;
  private final RoutingRepository routing;
  private final CaseworkSettings settings;

  CaseService(CaseRepository cases, CaseWrites writes, CaseClocks clocks, RoutingRepository routing,
      CaseworkSettings settings) {
    this.cases = cases;
    this.writes = writes;
    this.clocks = clocks;
    this.routing = routing;
    this.settings = settings;
  }

  /** 派单: routes a new registration and stores it as a case; a redelivered registration changes nothing. */
  void open(EventEnvelope<?> registration) {
    String ticketId = registration.ticketId();
    ComplaintRegistered call = (ComplaintRegistered) registration.payload();
    if (!call.needsDispatch()) {
      return; // 直接办结, or 重复件 at registration: nothing to dispatch
    }
    CaseFacts facts = call.facts();
    Instant now = writes.now();
    Optional<RoutingRule> rule = Router.route(facts.district(), facts.category(), routing::rule);
    Optional<Unit> unit = rule.flatMap(r -> routing.activeUnit(r.unitId()));
    Case.Opened opened;
    if (unit.isPresent()) {
      opened = Case.dispatched(ticketId, call, registration.occurredAt(), now, unit.get(), rule.get().key(),
          rule.get().version(), clocks.start(now, facts.urgency(), facts.category(), call.type()));
    } else {
      String reason = rule.isEmpty() ? "no routing rule for " + facts.district() + " / " + facts.category()
          : "rule " + rule.get().key() + " routes to " + rule.get().unitId() + ", which is no longer active";
      opened = Case.awaitingManualDispatch(ticketId, call, registration.occurredAt(), now, reason);
    }
    // A redelivery finds the case there and changes nothing; no read first, it is one write per registration.
    if (writes.open(opened, registration)) {
      log.info("case opened ticketId={} state={} unitId={}", ticketId, opened.kase().state(), opened.kase().unitId());
    }
  }

  /** 结案 after the return visit; feedback already published CaseClosed, so there is nothing more to publish. */
  void closeAfterVisit(EventEnvelope<?> closed) {
    CaseClosed payload = (CaseClosed) closed.payload();
    require(closed).close(payload.actor(), payload.outcome(), closed.occurredAt()).ifPresent(writes::applySystem);
  }

  /** 重复件 merged after registration; a case claimed before the merge arrived keeps its course. */
  void withdrawMerged(EventEnvelope<?> merged) {
    ComplaintMerged payload = (ComplaintMerged) merged.payload();
    Case kase = require(merged);
    kase.withdrawMerged(payload.actor(), payload.originalTicketId(), merged.occurredAt(), writes.now())
        .ifPresentOrElse(writes::applySystem,
            () -> log.info("merge not applied ticketId={} state={}", kase.ticketId(), kase.state()));
  }

  /** 重办, at most {@code hotline.casework.max-reopenings} times; the unit's fresh time starts when it gets the case back. */
  void reopen(EventEnvelope<?> reopened) {
    CaseReopened payload = (CaseReopened) reopened.payload();
    Case kase = require(reopened);
    Instant at = writes.now();
    kase.reopen(reopened.eventId().toString(), payload.actor(), payload.comment(), settings.maxReopenings(),
            clocks.start(kase, at), at)
        .ifPresentOrElse(writes::applySystem,
            () -> log.info("reopen not applied ticketId={} state={}", kase.ticketId(), kase.state()));
  }

  CaseView get(String ticketId, Caller caller) {
    return CaseView.of(writes.load(ticketId, caller), caller, writes.now());
  }

  /** After a restore the registration that recreates the case may still be on its way (another topic). */
  private Case require(EventEnvelope<?> event) {
    return cases.find(event.ticketId()).orElseThrow(
        () -> new EventNotYetApplicableException(event.eventType() + " for unknown case " + event.ticketId()));
  }
}
