package city.hotline.dispatch.casework;

import city.hotline.contracts.CaseAwaitingManualDispatch;
import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseReopened;
import city.hotline.contracts.CaseWithdrawn;
import city.hotline.contracts.ComplaintMerged;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.dispatch.routing.Router;
import city.hotline.dispatch.routing.RoutingRepository;
import city.hotline.dispatch.routing.RoutingRule;
import city.hotline.dispatch.routing.Unit;
import city.hotline.dispatch.sla.Deadlines;
import city.hotline.support.kafka.EventNotYetApplicableException;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.support.security.Caller;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
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
  static final String SYSTEM = "system";

  private final CaseRepository cases;
  private final CaseWrites writes;
  private final CaseClocks clocks;
  private final RoutingRepository routing;
  private final OutboxRelay outbox;
  private final CaseworkSettings settings;

  CaseService(CaseRepository cases, CaseWrites writes, CaseClocks clocks, RoutingRepository routing,
      OutboxRelay outbox, CaseworkSettings settings) {
    this.cases = cases;
    this.writes = writes;
    this.clocks = clocks;
    this.routing = routing;
    this.outbox = outbox;
    this.settings = settings;
  }

  /** 派单: routes a new registration and stores it as a case; a redelivered registration changes nothing. */
  void open(EventEnvelope<?> registration) {
    String ticketId = registration.ticketId();
    ComplaintRegistered request = (ComplaintRegistered) registration.payload();
    if (!request.needsDispatch() || cases.find(ticketId).isPresent()) {
      return; // 直接办结, 重复件 at registration, or a redelivery: nothing (more) to dispatch
    }
    CaseFacts facts = request.facts();
    Instant now = writes.now();
    Optional<RoutingRule> rule = Router.route(facts.district(), facts.category(), routing::rule);
    Optional<Unit> unit = rule.flatMap(r -> routing.activeUnit(r.unitId()));
    Document kase = CaseDocuments.fromRegistration(ticketId, request, registration.occurredAt(), now);
    EventEnvelope<?> event;
    if (unit.isPresent()) {
      Deadlines deadlines = clocks.start(ticketId, now, facts.urgency(), facts.category(), request.type());
      CaseFacts routed = CaseDocuments.facts(kase, unit.get().id());
      String ruleKey = rule.get().key();
      // Its id follows from the registration's: a database restored from a backup that dispatches the call
      // again publishes the same event, so the unit and every reader still see one dispatch.
      event = writes.eventCausedBy(registration, EventType.CASE_DISPATCHED, now, new CaseDispatched(routed, unit.get().name(),
          ruleKey + "@v" + rule.get().version(), deadlines.claimBy(), deadlines.resolveBy(), SYSTEM, CaseDispatched.ROUTED));
      CaseDocuments.dispatch(kase, unit.get(), ruleKey, rule.get().version(), deadlines, now);
    } else {
      String reason = rule.isEmpty() ? "no routing rule for " + facts.district() + " / " + facts.category()
          : "rule " + rule.get().key() + " routes to " + rule.get().unitId() + ", which is no longer active";
      event = writes.eventCausedBy(registration, EventType.CASE_AWAITING_MANUAL_DISPATCH, now,
          new CaseAwaitingManualDispatch(facts, reason));
      CaseDocuments.awaitManualDispatch(kase, reason, now);
    }
    kase.append(OutboxRelay.FIELD, List.of(outbox.entry(event)));
    if (cases.insertIfAbsent(kase)) {
      outbox.wake(CaseRepository.COLLECTION, ticketId);
      log.info("case opened ticketId={} state={} unitId={}", ticketId, kase.getString("state"), kase.getString("unitId"));
    }
  }

  /** 结案 after the return visit; feedback already published CaseClosed, so there is nothing more to publish. */
  void closeAfterVisit(EventEnvelope<?> closed) {
    String ticketId = closed.ticketId();
    CaseClosed payload = (CaseClosed) closed.payload();
    CaseState state = CaseDocuments.state(require(ticketId, closed));
    if (state == CaseState.CLOSED) {
      return; // redelivered
    }
    if (!CaseAction.CLOSE.allowedFrom(state)) {
      throw new IllegalStateException(CaseAction.CLOSE.refusal(ticketId, state));
    }
    Document audit = CaseDocuments.audit(closed.occurredAt(), CaseAction.CLOSE, CaseState.CLOSED, payload.actor(),
        payload.outcome());
    writes.applySystem(ticketId, CaseAction.CLOSE, List.of(),
        List.of(Updates.set("closedAt", Date.from(closed.occurredAt()))), audit, null);
  }

  /**
   * 重复件 merged after registration: the case leaves the queues. A case a unit claimed before the
   * merge arrived keeps its course, and intake's timeline follows it; a redelivered merge changes nothing.
   */
  void withdrawMerged(EventEnvelope<?> merged) {
    String ticketId = merged.ticketId();
    ComplaintMerged payload = (ComplaintMerged) merged.payload();
    Document kase = require(ticketId, merged);
    CaseState state = CaseDocuments.state(kase);
    if (!CaseAction.MERGE.allowedFrom(state)) {
      log.info("merge not applied ticketId={} state={}", ticketId, state);
      return;
    }
    Document audit = CaseDocuments.audit(merged.occurredAt(), CaseAction.MERGE, CaseState.MERGED, payload.actor(),
        "重复件, 并入 " + payload.originalTicketId());
    // Published so the queues learn of it from dispatch's own topic, like every other change.
    writes.applySystem(ticketId, CaseAction.MERGE, List.of(Filters.eq("state", state.name())),
        List.of(Updates.set("mergedInto", payload.originalTicketId())), audit,
        writes.event(EventType.CASE_WITHDRAWN, ticketId, writes.now(),
            new CaseWithdrawn(CaseDocuments.facts(kase), payload.actor(), payload.originalTicketId())));
  }

  /**
   * 重办: the citizen was dissatisfied, so the case goes back to the unit that resolved it, to be
   * claimed again with fresh deadlines; at most {@code hotline.casework.max-reopenings} times. The
   * event's id is kept on the case, so a redelivery after a later resolution does not reopen it again.
   */
  void reopen(EventEnvelope<?> reopened) {
    String ticketId = reopened.ticketId();
    CaseReopened payload = (CaseReopened) reopened.payload();
    Document kase = require(ticketId, reopened);
    String eventId = reopened.eventId().toString();
    CaseState state = CaseDocuments.state(kase);
    int reopenings = kase.getInteger("reopenCount", 0);
    if (kase.getList("reopenedBy", String.class, List.of()).contains(eventId)) {
      return; // redelivered
    }
    if (reopenings >= settings.maxReopenings()) {
      // Feedback closes the case instead of reopening it a third time; a reopening beyond it is a bug to look at.
      throw new IllegalStateException("CaseReopened beyond " + settings.maxReopenings() + " reopenings for " + ticketId);
    }
    if (!CaseAction.REOPEN.allowedFrom(state)) {
      log.warn("reopen not applied ticketId={} state={}", ticketId, state);
      return;
    }
    Unit unit = new Unit(kase.getString("unitId"), kase.getString("unitName"));
    Instant at = writes.now(); // the unit's fresh time starts when it gets the case back, however late the event came
    Deadlines deadlines = clocks.restart(kase, at);
    List<Bson> changes = new ArrayList<>(CaseDocuments.redispatch(unit, kase.getString("ruleKey"),
        kase.getInteger("ruleVersion"), deadlines, at, SYSTEM));
    changes.addAll(List.of(Updates.inc("reopenCount", 1), Updates.push("reopenedBy", eventId),
        Updates.unset("resolvedAt")));
    Document audit = CaseDocuments.audit(at, CaseAction.REOPEN, CaseState.DISPATCHED, payload.actor(),
        "重办 (" + (reopenings + 1) + "): " + (payload.comment() == null ? "市民不满意" : payload.comment()));
    writes.applySystem(ticketId, CaseAction.REOPEN, List.of(Filters.ne("reopenedBy", eventId)), changes, audit,
        writes.event(EventType.CASE_DISPATCHED, ticketId, at, new CaseDispatched(CaseDocuments.facts(kase),
            unit.name(), CaseDocuments.ruleId(kase), deadlines.claimBy(),
            deadlines.resolveBy(), SYSTEM, CaseDispatched.REOPENED)));
  }

  CaseView get(String ticketId, Caller caller) {
    return CaseView.of(writes.load(ticketId, caller), caller, writes.now());
  }

  /** The registration is earlier on the same partition, so a missing case means dispatch lost it: dead-letter it. */
  /** After a restore the registration that recreates the case may still be on its way (another topic). */
  private Document require(String ticketId, EventEnvelope<?> event) {
    return cases.find(ticketId).orElseThrow(
        () -> new EventNotYetApplicableException(event.eventType() + " for unknown case " + ticketId));
  }
}
