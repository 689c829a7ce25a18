package city.hotline.dispatch.casework;

import city.hotline.contracts.CaseAwaitingManualDispatch;
import city.hotline.contracts.CaseClaimed;
import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.ComplaintMerged;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.dispatch.routing.Router;
import city.hotline.dispatch.routing.RoutingRepository;
import city.hotline.dispatch.routing.RoutingRule;
import city.hotline.dispatch.routing.Unit;
import city.hotline.dispatch.sla.Deadlines;
import city.hotline.dispatch.sla.SlaSettings;
import city.hotline.dispatch.sla.CalendarStore;
import city.hotline.support.HotlineProperties;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import city.hotline.support.web.ApiException;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Opens cases from registrations, and carries out claim (签收), resolve (办结) and close (结案). */
@Service
class CaseService {
  private static final Logger log = LoggerFactory.getLogger(CaseService.class);
  static final String SYSTEM = "system";

  private final CaseRepository cases;
  private final RoutingRepository routing;
  private final SlaSettings sla;
  private final CalendarStore calendars;
  private final OutboxRelay outbox;
  private final Clock clock;
  private final String producer;

  CaseService(CaseRepository cases, RoutingRepository routing, SlaSettings sla, CalendarStore calendars,
      OutboxRelay outbox, Clock clock, HotlineProperties properties) {
    this.cases = cases;
    this.routing = routing;
    this.sla = sla;
    this.calendars = calendars;
    this.outbox = outbox;
    this.clock = clock;
    this.producer = properties.serviceName();
  }

  /** 派单: routes a new registration and stores it as a case; a redelivered registration changes nothing. */
  void open(EventEnvelope<?> registration) {
    String ticketId = registration.ticketId();
    ComplaintRegistered request = (ComplaintRegistered) registration.payload();
    if (!request.needsDispatch()) {
      return; // 直接办结 (answered on the phone) or 重复件 (merged at registration): nothing to dispatch
    }
    CaseFacts facts = request.facts();
    Instant now = clock.instant();
    Optional<RoutingRule> rule = Router.route(facts.district(), facts.category(), routing::rule);
    Optional<Unit> unit = rule.flatMap(r -> routing.unit(r.unitId()));
    Document kase = CaseDocuments.fromRegistration(ticketId, request, now);
    EventEnvelope<?> event;
    if (unit.isPresent()) {
      Deadlines deadlines = Deadlines.from(now, facts.urgency(), facts.category(), request.type(), sla, calendars.current());
      CaseFacts routed = new CaseFacts(facts.district(), facts.category(), facts.urgency(), unit.get().id());
      event = EventEnvelope.of(EventType.CASE_DISPATCHED, ticketId, producer, now, new CaseDispatched(
          routed, unit.get().name(), rule.get().key() + "@v" + rule.get().version(), deadlines.claimBy(), deadlines.resolveBy(), SYSTEM));
      CaseDocuments.dispatch(kase, unit.get(), rule.get(), deadlines, now);
    } else {
      String reason = "no routing rule for " + facts.district() + " / " + facts.category();
      event = EventEnvelope.of(EventType.CASE_AWAITING_MANUAL_DISPATCH, ticketId, producer, now,
          new CaseAwaitingManualDispatch(facts, reason));
      CaseDocuments.awaitManualDispatch(kase, reason, now);
    }
    kase.append(OutboxRelay.FIELD, List.of(outbox.entry(event)));
    if (cases.insertIfAbsent(kase)) {
      outbox.wake(CaseRepository.COLLECTION, ticketId);
      log.info("case opened ticketId={} state={} unitId={}", ticketId, kase.getString("state"), kase.getString("unitId"));
    }
  }

  CaseView claim(String ticketId, Caller caller) {
    String actor = caller.actor();
    Document current = load(ticketId, caller);
    CaseState state = check(current, CaseAction.CLAIM);
    Instant now = clock.instant();
    boolean onTime = !now.isAfter(current.getDate("claimDeadline").toInstant());
    EventEnvelope<CaseClaimed> event = EventEnvelope.of(EventType.CASE_CLAIMED, ticketId, producer, now,
        new CaseClaimed(CaseDocuments.facts(current), actor, onTime));
    return apply(ticketId, caller, CaseAction.CLAIM, state, List.of(Updates.set("claimedAt", Date.from(now))),
        CaseDocuments.audit(now, CaseAction.CLAIM, actor, onTime ? "签收" : "签收 (超期)"), event);
  }

  CaseView resolve(String ticketId, String reply, Caller caller) {
    String actor = caller.actor();
    Document current = load(ticketId, caller);
    CaseState state = check(current, CaseAction.RESOLVE);
    Instant now = clock.instant();
    boolean onTime = !now.isAfter(current.getDate("resolveDeadline").toInstant());
    EventEnvelope<CaseResolved> event = EventEnvelope.of(EventType.CASE_RESOLVED, ticketId, producer, now,
        new CaseResolved(CaseDocuments.facts(current), actor, reply, onTime));
    return apply(ticketId, caller, CaseAction.RESOLVE, state,
        List.of(Updates.set("resolvedAt", Date.from(now)), Updates.set("reply", reply)),
        CaseDocuments.audit(now, CaseAction.RESOLVE, actor, reply), event);
  }

  /** 结案 after the return visit; feedback already published CaseClosed, so there is nothing more to publish. */
  void closeAfterVisit(EventEnvelope<?> closed) {
    String ticketId = closed.ticketId();
    CaseClosed payload = (CaseClosed) closed.payload();
    Document current = cases.find(ticketId)
        .orElseThrow(() -> new IllegalStateException("CaseClosed for unknown case " + ticketId));
    CaseState state = CaseState.valueOf(current.getString("state"));
    if (state == CaseState.CLOSED) {
      return; // redelivered
    }
    if (!CaseAction.CLOSE.allowedFrom(state)) {
      throw new IllegalStateException(CaseAction.CLOSE.refusal(ticketId, state));
    }
    Document audit = CaseDocuments.audit(closed.occurredAt(), CaseAction.CLOSE, payload.actor(), payload.outcome());
    cases.transition(ticketId, CaseAction.CLOSE, List.of(Updates.set("closedAt", Date.from(closed.occurredAt()))),
        audit, null);
    log.info("case closed ticketId={} outcome={}", ticketId, payload.outcome());
  }

  /**
   * 重复件 merged after registration: the case leaves its unit's queue. A case a unit claimed before the
   * merge arrived keeps its course, and intake's timeline follows it; a redelivered merge changes nothing.
   */
  void withdrawMerged(EventEnvelope<?> merged) {
    String ticketId = merged.ticketId();
    ComplaintMerged payload = (ComplaintMerged) merged.payload();
    Optional<Document> current = cases.find(ticketId);
    if (current.isEmpty()) {
      // The registration is earlier on the same partition, so this only happens if dispatch lost it.
      throw new IllegalStateException("ComplaintMerged for unknown case " + ticketId);
    }
    CaseState state = CaseState.valueOf(current.get().getString("state"));
    if (!CaseAction.MERGE.allowedFrom(state)) {
      log.info("merge not applied ticketId={} state={}", ticketId, state);
      return;
    }
    Document audit = CaseDocuments.audit(merged.occurredAt(), CaseAction.MERGE, payload.actor(),
        "重复件, 并入 " + payload.originalTicketId());
    cases.transition(ticketId, CaseAction.MERGE,
        List.of(Updates.set("mergedInto", payload.originalTicketId())), audit, null);
    log.info("case merged ticketId={} originalTicketId={}", ticketId, payload.originalTicketId());
  }

  CaseView get(String ticketId, Caller caller) {
    return CaseView.of(load(ticketId, caller), caller);
  }

  /** A bureau user's queue is always their own unit's, whatever unit they ask for. */
  List<CaseView> queue(Caller caller, String requestedUnit, CaseState state, int page, int size) {
    String unitId = caller.has(Role.BUREAU) ? caller.unitId() : requestedUnit;
    List<String> states = state != null ? List.of(state.name()) : CaseDocuments.openStates();
    return cases.queue(unitId, states, page, size).stream().map(d -> CaseView.of(d, caller)).toList();
  }

  /** Another unit's case is "not found" for a bureau user, so its existence does not leak. */
  private Document load(String ticketId, Caller caller) {
    return cases.find(ticketId)
        .filter(kase -> caller.isScopedTo(kase.getString("unitId")))
        .orElseThrow(() -> ApiException.notFound("Case", ticketId));
  }

  private static CaseState check(Document current, CaseAction action) {
    CaseState state = CaseState.valueOf(current.getString("state"));
    if (!action.allowedFrom(state)) {
      throw ApiException.conflict(action.refusal(current.getString("_id"), state));
    }
    return state;
  }

  /** The guarded write; if another user moved the case in between, that user won and this one gets a 409. */
  private CaseView apply(String ticketId, Caller caller, CaseAction action, CaseState seen, List<Bson> changes,
      Document audit, EventEnvelope<?> event) {
    String scope = caller.has(Role.BUREAU) ? caller.unitId() : null;
    Document updated = cases.transition(ticketId, scope, action, changes, audit, outbox.entry(event))
        .orElseThrow(() -> ApiException.conflict(action.refusal(ticketId,
            cases.find(ticketId).map(d -> CaseState.valueOf(d.getString("state"))).orElse(seen))));
    outbox.wake(CaseRepository.COLLECTION, ticketId);
    log.info("case {} ticketId={} actor={}", action.to(), ticketId, audit.getString("actor"));
    return CaseView.of(updated, caller);
  }
}
