package city.hotline.dispatch.casework;

import static city.hotline.dispatch.casework.CaseChange.setOrUnset;

import city.hotline.contracts.CaseAwaitingManualDispatch;
import city.hotline.contracts.CaseClaimed;
import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseExtensionDecided;
import city.hotline.contracts.CaseExtensionRequested;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseOverdue;
import city.hotline.contracts.CasePressed;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.CaseReturned;
import city.hotline.contracts.CaseWithdrawn;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventType;
import city.hotline.dispatch.overdue.DeadlineKind;
import city.hotline.dispatch.routing.Unit;
import city.hotline.dispatch.sla.Deadlines;
import city.hotline.dispatch.surge.SurgeAlert;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Stream;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;
import org.bson.conversions.Bson;

/**
 * A case (工单 in dispatch) as it is stored, mapped by the driver's record codec; each field's name is
 * given once, by the constant its component is bound to. The case owns its rules: each step (签收, 办结,
 * 退单, 延期, 人工派单, 督办, 重办, 超期, …) is decided here in plain Java and returned as a {@link CaseChange}
 * (the guard, the writes, the audit entry, the event), which {@link CaseRepository} applies as one guarded
 * update. {@code rev} counts the writes to a case, so a page can tell a newer picture of it from an older one.
 *
 * <p>{@code deadline} (the one the unit works against now) and {@code dueAt} (the next deadline the
 * overdue clock has still to mark) follow from the state, the two deadlines and the overdue marks; every
 * change that moves one of those writes them again, so the queues and the clock are plain indexed queries.
 */
public record Case(
    @BsonId String ticketId,
    @BsonProperty(REV) Integer rev,
    @BsonProperty(STATE) CaseState state,
    @BsonProperty(DISTRICT) String district,
    @BsonProperty(CATEGORY) String category,
    @BsonProperty(URGENCY) String urgency,
    String type,
    String address,
    String street,
    String description,
    @BsonProperty(CALLER_NAME) String callerName,
    @BsonProperty(CALLER_PHONE) String callerPhone,
    Boolean confidential,
    Instant registeredAt,
    Instant openedAt,
    @BsonProperty(UNIT_ID) String unitId,
    @BsonProperty(UNIT_NAME) String unitName,
    @BsonProperty(RULE_KEY) String ruleKey,
    @BsonProperty(RULE_VERSION) Integer ruleVersion,
    @BsonProperty(DISPATCHED_AT) Instant dispatchedAt,
    @BsonProperty(DISPATCHED_BY) String dispatchedBy,
    @BsonProperty(ENTERED_AT) Instant enteredAt,
    @BsonProperty(CLAIM_DEADLINE) Instant claimDeadline,
    @BsonProperty(RESOLVE_DEADLINE) Instant resolveDeadline,
    @BsonProperty(DEADLINE) Instant deadline,
    @BsonProperty(DUE_AT) Instant dueAt,
    @BsonProperty(CLAIMED_AT) Instant claimedAt,
    @BsonProperty(CLAIMED_BY) String claimedBy,
    @BsonProperty(RESOLVED_AT) Instant resolvedAt,
    @BsonProperty(REPLY) String reply,
    @BsonProperty(ATTACHMENTS) List<Attachment> attachments,
    @BsonProperty(EXTENSION) Extension extension,
    @BsonProperty(RETURNS) List<Return> returns,
    @BsonProperty(RETURN_COUNTS) Map<String, Integer> returnCounts,
    @BsonProperty(PRESSES) List<Press> presses,
    @BsonProperty(REOPEN_COUNT) Integer reopenCount,
    @BsonProperty(REOPENED_BY) List<String> reopenedBy,
    @BsonProperty(MERGED_INTO) String mergedInto,
    @BsonProperty(CLOSED_AT) Instant closedAt,
    @BsonProperty(OVERDUE) OverdueMarks overdue,
    @BsonProperty(AUDIT) List<AuditEntry> audit) {

  static final String ID = "_id";
  static final String REV = "rev";
  static final String STATE = "state";
  static final String DISTRICT = "district";
  static final String CATEGORY = "category";
  static final String URGENCY = "urgency";
  static final String CALLER_NAME = "callerName";
  static final String CALLER_PHONE = "callerPhone";
  static final String UNIT_ID = "unitId";
  static final String UNIT_NAME = "unitName";
  static final String RULE_KEY = "ruleKey";
  static final String RULE_VERSION = "ruleVersion";
  static final String DISPATCHED_AT = "dispatchedAt";
  static final String DISPATCHED_BY = "dispatchedBy";
  static final String ENTERED_AT = "enteredAt";
  static final String CLAIM_DEADLINE = "claimDeadline";
  static final String RESOLVE_DEADLINE = "resolveDeadline";
  static final String DEADLINE = "deadline";
  static final String DUE_AT = "dueAt";
  static final String CLAIMED_AT = "claimedAt";
  static final String CLAIMED_BY = "claimedBy";
  static final String RESOLVED_AT = "resolvedAt";
  static final String REPLY = "reply";
  static final String ATTACHMENTS = "attachments";
  static final String EXTENSION = "extension";
  static final String EXTENSION_STATUS = EXTENSION + "." + Extension.STATUS;
  static final String RETURNS = "returns";
  static final String RETURN_COUNTS = "returnCounts";
  static final String PRESSES = "presses";
  static final String REOPEN_COUNT = "reopenCount";
  static final String REOPENED_BY = "reopenedBy";
  static final String MERGED_INTO = "mergedInto";
  static final String CLOSED_AT = "closedAt";
  static final String OVERDUE = "overdue";
  static final String AUDIT = "audit";

  private static final DateTimeFormatter NOTE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");
  /** Who the system is in the audit trail and in events. */
  static final String SYSTEM = "system";
  /** The rule key of a case routed by hand. */
  static final String MANUAL_RULE = "MANUAL";
  /** The problem code of a hand dispatch refused because the unit returned the case too often. */
  static final String RETURNED_BY_UNIT = "UNIT_RETURNED_CASE";

  /** Lists and counters a document from before them (or a projection) leaves out read as empty. */
  public Case {
    rev = rev == null ? 0 : rev;
    confidential = confidential != null && confidential;
    attachments = attachments == null ? List.of() : attachments;
    returns = returns == null ? List.of() : returns;
    returnCounts = returnCounts == null ? Map.of() : returnCounts;
    presses = presses == null ? List.of() : presses;
    reopenCount = reopenCount == null ? 0 : reopenCount;
    reopenedBy = reopenedBy == null ? List.of() : reopenedBy;
    overdue = overdue == null ? new OverdueMarks(null, null) : overdue;
    audit = audit == null ? List.of() : audit;
  }

  /** Who did what, when and why (the case's audit trail). */
  public record AuditEntry(Instant at, String action, CaseState state, String actor, String note) {}

  /** A file kept elsewhere (document store, photo server), referred to by its address. */
  public record Attachment(String name, String url) {}

  /** 延期: the latest request and, once decided, the decision. */
  public record Extension(@BsonProperty(STATUS) ExtensionStatus status, String reason, Instant requestedDeadline,
      String requestedBy, @BsonProperty(REQUESTED_AT) Instant requestedAt, @BsonProperty(DECIDED_BY) String decidedBy,
      @BsonProperty(DECIDED_AT) Instant decidedAt, @BsonProperty(NOTE) String note) {
    static final String STATUS = "status";
    static final String REQUESTED_AT = "requestedAt";
    static final String DECIDED_BY = "decidedBy";
    static final String DECIDED_AT = "decidedAt";
    static final String NOTE = "note";
  }

  /** 退单: who sent it back, why. */
  public record Return(Instant at, String unitId, String unitName, String reason, String note, String actor) {}

  /** 督办: the desk's note to the unit about an overdue case. */
  public record Press(Instant at, String actor, String note) {}

  /** The deadline of each kind the case was last marked overdue (超期) for. */
  public record OverdueMarks(@BsonProperty(CLAIM) Instant claim, @BsonProperty(RESOLVE) Instant resolve) {
    static final String CLAIM = "claim";
    static final String RESOLVE = "resolve";

    Instant of(DeadlineKind kind) {
      return kind == DeadlineKind.CLAIM ? claim : resolve;
    }

    static String field(DeadlineKind kind) {
      return OVERDUE + "." + (kind == DeadlineKind.CLAIM ? CLAIM : RESOLVE);
    }
  }

  /** A new case and the event that announces it. */
  record Opened(Case kase, CaseChange.Event event) {}

  /** 派单: a new registration routed by a rule to {@code unit}, with its clocks started. */
  static Opened dispatched(String ticketId, ComplaintRegistered call, Instant registeredAt, Instant now, Unit unit,
      String ruleKey, int ruleVersion, Deadlines deadlines) {
    AuditEntry audit = new AuditEntry(now, CaseAction.DISPATCH.name(), CaseState.DISPATCHED, SYSTEM,
        "派单至 " + unit.name() + " (rule " + ruleKey + " v" + ruleVersion + ")");
    Case kase = registered(ticketId, call, registeredAt, now, CaseState.DISPATCHED, unit, ruleKey, ruleVersion,
        deadlines, audit);
    return new Opened(kase, new CaseChange.Event(EventType.CASE_DISPATCHED, now, new CaseDispatched(kase.facts(),
        unit.name(), kase.ruleId(), deadlines.claimBy(), deadlines.resolveBy(), SYSTEM, CaseDispatched.ROUTED)));
  }

  /** 待人工派单: no rule, or its unit is gone; the desk routes it by hand. */
  static Opened awaitingManualDispatch(String ticketId, ComplaintRegistered call, Instant registeredAt, Instant now,
      String reason) {
    AuditEntry audit = new AuditEntry(now, "ROUTE", CaseState.AWAITING_MANUAL_DISPATCH, SYSTEM, reason);
    Case kase = registered(ticketId, call, registeredAt, now, CaseState.AWAITING_MANUAL_DISPATCH, null, null, null,
        null, audit);
    return new Opened(kase, new CaseChange.Event(EventType.CASE_AWAITING_MANUAL_DISPATCH, now,
        new CaseAwaitingManualDispatch(kase.facts(), reason)));
  }

  private static Case registered(String ticketId, ComplaintRegistered call, Instant registeredAt, Instant now,
      CaseState state, Unit unit, String ruleKey, Integer ruleVersion, Deadlines deadlines, AuditEntry audit) {
    CaseFacts facts = call.facts();
    Instant claimBy = deadlines == null ? null : deadlines.claimBy();
    Instant resolveBy = deadlines == null ? null : deadlines.resolveBy();
    OverdueMarks none = new OverdueMarks(null, null);
    return new Case(ticketId, 0, state, facts.district(), facts.category(), facts.urgency(), call.type(),
        call.address(), call.street(), call.description(), call.callerName(), call.callerPhone(), call.confidential(),
        registeredAt, now, unit == null ? null : unit.id(), unit == null ? null : unit.name(),
        ruleKey, ruleVersion, unit == null ? null : now, null, now,
        claimBy, resolveBy, state.currentDeadline(claimBy, resolveBy), dueAt(state, claimBy, resolveBy, none),
        null, null, null, null, null, null, null, null, null, 0, null, null, null, none, new ArrayList<>(List.of(audit)));
  }

  /** Names the case without the caller's name or phone, so a case in a log or a message never carries them. */
  @Override
  public String toString() {
    return "Case[" + ticketId + " " + state + " rev " + rev + " unit " + unitId + "]";
  }

  /** The case's dimensions as events carry them, with the unit it is with now. */
  CaseFacts facts() {
    return facts(unitId);
  }

  CaseFacts facts(String unit) {
    return new CaseFacts(district, category, urgency, unit);
  }

  /** The rule that routed the case as events name it ({@code JIANGAN|*@v3}), or MANUAL. */
  String ruleId() {
    return ruleKey + (ruleVersion == null ? "" : "@v" + ruleVersion);
  }

  /** The deadline of this kind, claim (签收) or resolve (办结). */
  Instant deadlineOf(DeadlineKind kind) {
    return kind == DeadlineKind.CLAIM ? claimDeadline : resolveDeadline;
  }

  /** How many times {@code unit} has returned this case (退单). */
  int returnsBy(String unit) {
    return unit == null ? 0 : returnCounts.getOrDefault(unit, 0);
  }

  ExtensionStatus extensionStatus() {
    return extension == null ? null : extension.status();
  }

  /** Cases opened before the registration time was kept count from when dispatch opened them. */
  Instant registeredOrOpenedAt() {
    return registeredAt != null ? registeredAt : openedAt;
  }

  /** The case's state, if the action is allowed from it; a 409 naming both otherwise. */
  CaseState check(CaseAction action) {
    if (!action.allowedFrom(state)) {
      throw ApiException.conflict(action.refusal(ticketId, state));
    }
    return state;
  }

  /**
   * The next deadline the overdue clock has to look at: the claim deadline while the case waits to be
   * claimed, then the resolve deadline while a unit has it, each until it is marked; none otherwise.
   */
  static Instant dueAt(CaseState state, Instant claimBy, Instant resolveBy, OverdueMarks marks) {
    if (state == CaseState.DISPATCHED && claimBy != null && !claimBy.equals(marks.claim())) {
      return claimBy;
    }
    if (state.withUnit() && resolveBy != null && !resolveBy.equals(marks.resolve())) {
      return resolveBy;
    }
    return null;
  }

  /** The writes that keep {@code deadline} and {@code dueAt} in step with a change to what they follow from. */
  static List<Bson> clocks(CaseState state, Instant claimBy, Instant resolveBy, OverdueMarks marks) {
    return List.of(setOrUnset(DEADLINE, state.currentDeadline(claimBy, resolveBy)),
        setOrUnset(DUE_AT, dueAt(state, claimBy, resolveBy, marks)));
  }

  /** The writes that hand the case to a unit with fresh deadlines (by hand, or again after 重办). */
  List<Bson> handTo(Unit unit, String rule, Integer version, Deadlines deadlines, Instant at, String actor) {
    List<Bson> updates = new ArrayList<>(List.of(
        Updates.set(UNIT_ID, unit.id()),
        Updates.set(UNIT_NAME, unit.name()),
        Updates.set(RULE_KEY, rule),
        setOrUnset(RULE_VERSION, version),
        Updates.set(DISPATCHED_AT, at),
        Updates.set(DISPATCHED_BY, actor),
        Updates.set(ENTERED_AT, at),
        Updates.set(CLAIM_DEADLINE, deadlines.claimBy()),
        Updates.set(RESOLVE_DEADLINE, deadlines.resolveBy()),
        Updates.unset(CLAIMED_AT),
        Updates.unset(CLAIMED_BY),
        Updates.unset(EXTENSION))); // an earlier round's extension (in the audit trail) does not apply to this one
    updates.addAll(clocks(CaseState.DISPATCHED, deadlines.claimBy(), deadlines.resolveBy(), overdue));
    return updates;
  }

  // ---- The steps of a case's life (SPEC §2); each returns the change to apply, decided from this case as read.

  /** 签收: exclusive; of two simultaneous claims the state guard lets exactly one through. */
  CaseChange claim(String by, Instant at) {
    check(CaseAction.CLAIM);
    boolean onTime = !at.isAfter(claimDeadline);
    List<Bson> writes = new ArrayList<>(List.of(Updates.set(CLAIMED_AT, at), Updates.set(CLAIMED_BY, by),
        Updates.set(ENTERED_AT, at)));
    writes.addAll(clocks(CaseState.CLAIMED, claimDeadline, resolveDeadline, overdue));
    return CaseChange.of(this, CaseAction.CLAIM, at, by, onTime ? "签收" : "签收 (超期)", List.of(), writes,
        new CaseChange.Event(EventType.CASE_CLAIMED, at, new CaseClaimed(facts(), by, onTime)));
  }

  /** 办结: the reply says what was done; {@code returnVisitBy} is when the return visit (回访) times out. */
  CaseChange resolve(String by, String answer, List<Attachment> files, Instant at, Instant returnVisitBy) {
    check(CaseAction.RESOLVE);
    boolean onTime = !at.isAfter(resolveDeadline);
    List<Bson> writes = withdrawingPending(List.of(Updates.set(RESOLVED_AT, at), Updates.set(REPLY, answer),
        Updates.set(ATTACHMENTS, files)));
    writes.addAll(clocks(CaseState.RESOLVED, null, null, overdue));
    return CaseChange.of(this, CaseAction.RESOLVE, at, by, answer, unchangedExtension(), writes,
        new CaseChange.Event(EventType.CASE_RESOLVED, at, new CaseResolved(facts(), by, answer, onTime,
            registeredOrOpenedAt(), returnVisitBy)));
  }

  /**
   * 退单: the case goes to the dispatch desk with the reason, and its clocks stop until the desk sends it
   * on. The unit no longer sees it; how often each unit returned it is counted for the desk's next choice.
   */
  CaseChange returnToDesk(String by, ReturnReason reason, String note, Instant at) {
    check(CaseAction.RETURN);
    Return entry = new Return(at, unitId, unitName, reason.name(), note, by);
    List<Bson> writes = withdrawingPending(List.of(Updates.push(RETURNS, entry),
        Updates.inc(RETURN_COUNTS + "." + unitId, 1), Updates.unset(UNIT_ID), Updates.unset(UNIT_NAME),
        Updates.set(ENTERED_AT, at), Updates.unset(CLAIM_DEADLINE), Updates.unset(RESOLVE_DEADLINE),
        Updates.unset(CLAIMED_AT), Updates.unset(CLAIMED_BY)));
    writes.addAll(clocks(CaseState.RETURNED, null, null, overdue));
    return CaseChange.of(this, CaseAction.RETURN, at, by, "退单 (" + reason.label() + "): " + note,
        unchangedExtension(), writes, new CaseChange.Event(EventType.CASE_RETURNED, at,
            new CaseReturned(facts(), by, reason.name(), note, returnsBy(unitId) + 1)));
  }

  /** 延期申请: a later resolve deadline, at most {@code furthest} from now, one request pending at a time. */
  CaseChange requestExtension(String by, String reason, Instant requested, Instant at, Duration furthest,
      ZoneId zone) {
    check(CaseAction.REQUEST_EXTENSION);
    if (extensionStatus() == ExtensionStatus.PENDING) {
      throw ApiException.conflict("Case " + ticketId + " already has an extension request waiting for the desk");
    }
    if (!requested.isAfter(resolveDeadline)) {
      throw invalidDeadline("must be later than the current resolve deadline " + resolveDeadline);
    }
    if (requested.isAfter(at.plus(furthest))) {
      throw invalidDeadline("must be within " + furthest.toDays() + " days from now");
    }
    Extension request = new Extension(ExtensionStatus.PENDING, reason, requested, by, at, null, null, null);
    return CaseChange.of(this, CaseAction.REQUEST_EXTENSION, at, by, "申请延期至 " + NOTE_TIME.format(requested.atZone(zone)) + ": " + reason,
        List.of(Filters.ne(EXTENSION_STATUS, ExtensionStatus.PENDING)), List.of(Updates.set(EXTENSION, request)),
        new CaseChange.Event(EventType.CASE_EXTENSION_REQUESTED, at,
            new CaseExtensionRequested(facts(), by, reason, requested)));
  }

  /** 延期审批: approval moves the resolve deadline to the one asked for; either way the unit is told why. */
  CaseChange decideExtension(String by, boolean approve, String note, Instant at) {
    check(CaseAction.DECIDE_EXTENSION);
    if (extensionStatus() != ExtensionStatus.PENDING) {
      throw ApiException.conflict("Case " + ticketId + " has no extension request waiting for a decision");
    }
    Instant requested = extension.requestedDeadline();
    if (approve && !requested.isAfter(at)) {
      throw ApiException.conflict("The extension asked for " + requested
          + ", which has passed; reject it and let the unit ask again");
    }
    Instant deadline = approve ? requested : resolveDeadline;
    List<Bson> writes = new ArrayList<>(List.of(
        Updates.set(EXTENSION_STATUS, approve ? ExtensionStatus.APPROVED : ExtensionStatus.REJECTED),
        Updates.set(EXTENSION + "." + Extension.DECIDED_BY, by), Updates.set(EXTENSION + "." + Extension.DECIDED_AT, at),
        Updates.set(EXTENSION + "." + Extension.NOTE, note)));
    if (approve) {
      writes.add(Updates.set(RESOLVE_DEADLINE, requested));
      writes.addAll(clocks(state, claimDeadline, requested, overdue));
    }
    String text = (approve ? "同意延期" : "不同意延期") + (note == null || note.isBlank() ? "" : ": " + note);
    return CaseChange.of(this, CaseAction.DECIDE_EXTENSION, at, by, text,
        List.of(Filters.eq(EXTENSION_STATUS, ExtensionStatus.PENDING),
            Filters.eq(EXTENSION + "." + Extension.REQUESTED_AT, extension.requestedAt())),
        writes, new CaseChange.Event(EventType.CASE_EXTENSION_DECIDED, at,
            new CaseExtensionDecided(facts(), by, approve, deadline, note)));
  }

  /**
   * 督办: only a case past the deadline it is working against can be pressed, unless the press answers a surge
   * alert (突发预警) that still lasts and lists this case: an emergency does not wait for a deadline. The note shows
   * in the unit's queue.
   *
   * @param alert the surge alert the press answers, or null
   */
  CaseChange press(String by, String note, SurgeAlert alert, Instant at) {
    check(CaseAction.PRESS);
    if (alert != null) {
      alert.admitsPressOf(ticketId);
    } else if (deadline == null || !at.isAfter(deadline)) {
      throw ApiException.conflict("Case " + ticketId + " is not overdue (deadline " + deadline
          + "); only overdue cases are pressed, or those behind a surge alert");
    }
    String alertId = alert == null ? null : alert.id();
    String text = alertId == null ? "督办: " + note : "督办 (突发预警 " + alertId + "): " + note;
    return CaseChange.of(this, CaseAction.PRESS, at, by, text,
        List.of(Filters.eq(UNIT_ID, Objects.requireNonNull(unitId))),
        List.of(Updates.push(PRESSES, new Press(at, by, note))),
        new CaseChange.Event(EventType.CASE_PRESSED, at, new CasePressed(facts(), by, note, alertId)));
  }

  /**
   * 人工派单 / 改派: a case waiting at the desk, or one not yet claimed, goes to another active unit with
   * fresh deadlines. A unit that has returned it {@code returnsBeforeConfirm} times gets it back only when
   * the dispatcher confirms that choice explicitly (SPEC §2).
   */
  CaseChange dispatchByHand(Unit unit, String by, String note, boolean confirmReturnedUnit, int returnsBeforeConfirm,
      Deadlines deadlines, Instant at) {
    check(CaseAction.DISPATCH);
    if (unit.id().equals(unitId)) {
      throw ApiException.conflict("Case " + ticketId + " is already with " + unit.name());
    }
    int returned = returnsBy(unit.id());
    if (returned >= returnsBeforeConfirm && !confirmReturnedUnit) {
      throw ApiException.conflict(unit.name() + " has returned case " + ticketId + " " + returned
          + " times; send it there again only with confirmReturnedUnit set",
          Map.of("code", RETURNED_BY_UNIT, "unitId", unit.id(), "returns", returned));
    }
    String text = "人工派单至 " + unit.name() + (note == null || note.isBlank() ? "" : ": " + note);
    return CaseChange.of(this, CaseAction.DISPATCH, at, by, text, List.of(Filters.eq(UNIT_ID, unitId)),
        handTo(unit, MANUAL_RULE, null, deadlines, at, by),
        new CaseChange.Event(EventType.CASE_DISPATCHED, at, new CaseDispatched(facts(unit.id()), unit.name(),
            MANUAL_RULE, deadlines.claimBy(), deadlines.resolveBy(), by, CaseDispatched.MANUAL)));
  }

  /**
   * 重办: the citizen was dissatisfied, so the case goes back to the unit that resolved it, to be claimed
   * again with fresh deadlines. The event's id is kept on the case, so a redelivery after a later resolution
   * does not reopen it again; empty when there is nothing (more) to do.
   *
   * @throws IllegalStateException beyond {@code maxReopenings}: feedback closes the case instead, so it is a bug to look at
   */
  Optional<CaseChange> reopen(String eventId, String actor, String comment, int maxReopenings, Deadlines deadlines,
      Instant at) {
    if (reopenedBy.contains(eventId)) {
      return Optional.empty(); // redelivered
    }
    if (reopenCount >= maxReopenings) {
      throw new IllegalStateException("CaseReopened beyond " + maxReopenings + " reopenings for " + ticketId);
    }
    if (!CaseAction.REOPEN.allowedFrom(state)) {
      return Optional.empty();
    }
    List<Bson> writes = new ArrayList<>(handTo(new Unit(unitId, unitName), ruleKey, ruleVersion, deadlines, at, SYSTEM));
    writes.addAll(List.of(Updates.inc(REOPEN_COUNT, 1), Updates.push(REOPENED_BY, eventId), Updates.unset(RESOLVED_AT)));
    String text = "重办 (" + (reopenCount + 1) + "): " + (comment == null ? "市民不满意" : comment);
    return Optional.of(CaseChange.of(this, CaseAction.REOPEN, at, actor, text, List.of(Filters.ne(REOPENED_BY, eventId)),
        writes, new CaseChange.Event(EventType.CASE_DISPATCHED, at, new CaseDispatched(facts(), unitName, ruleId(),
            deadlines.claimBy(), deadlines.resolveBy(), SYSTEM, CaseDispatched.REOPENED))));
  }

  /**
   * 重复件 merged after registration: the case leaves the queues. A case a unit claimed before the merge
   * arrived keeps its course (empty). Published so every reader of dispatch's topic learns of it.
   */
  Optional<CaseChange> withdrawMerged(String actor, String original, Instant mergedAt, Instant now) {
    if (!CaseAction.MERGE.allowedFrom(state)) {
      return Optional.empty();
    }
    List<Bson> writes = new ArrayList<>(List.of(Updates.set(MERGED_INTO, original)));
    writes.addAll(clocks(CaseState.MERGED, null, null, overdue));
    return Optional.of(CaseChange.of(this, CaseAction.MERGE, mergedAt, actor, "重复件, 并入 " + original, List.of(),
        writes, new CaseChange.Event(EventType.CASE_WITHDRAWN, now, new CaseWithdrawn(facts(), actor, original))));
  }

  /** 结案 after the return visit; feedback published CaseClosed already. Empty when redelivered. */
  Optional<CaseChange> close(String actor, String outcome, Instant at) {
    if (state == CaseState.CLOSED) {
      return Optional.empty();
    }
    if (!CaseAction.CLOSE.allowedFrom(state)) {
      throw new IllegalStateException(CaseAction.CLOSE.refusal(ticketId, state));
    }
    return Optional.of(CaseChange.of(this, CaseAction.CLOSE, at, actor, outcome, List.of(),
        List.of(Updates.set(CLOSED_AT, at)), null));
  }

  /**
   * 超期: marks the deadline of this kind once it has passed, if it is still the case's, not marked yet,
   * and the case still works against it (a claim deadline only until the claim). Guarded on the case's
   * rev, so replicas racing over the same deadline mark it once; the event is dated at the deadline, so
   * the figures count it in the day it was missed.
   */
  Optional<CaseChange> markOverdue(DeadlineKind kind, Instant missed, Instant now) {
    boolean applies = CaseAction.MARK_OVERDUE.allowedFrom(state)
        && (kind == DeadlineKind.RESOLVE || state == CaseState.DISPATCHED);
    if (missed.isAfter(now) || !applies || !missed.equals(deadlineOf(kind)) || missed.equals(overdue.of(kind))) {
      return Optional.empty();
    }
    OverdueMarks marked = kind == DeadlineKind.CLAIM ? new OverdueMarks(missed, overdue.resolve())
        : new OverdueMarks(overdue.claim(), missed);
    List<Bson> writes = new ArrayList<>(List.of(Updates.set(OverdueMarks.field(kind), missed)));
    writes.addAll(clocks(state, claimDeadline, resolveDeadline, marked));
    return Optional.of(CaseChange.of(this, CaseAction.MARK_OVERDUE, now, SYSTEM,
        kind == DeadlineKind.CLAIM ? "超期未签收" : "超期未办结", List.of(Filters.eq(REV, rev)), writes,
        new CaseChange.Event(EventType.CASE_OVERDUE, missed, new CaseOverdue(facts(), kind.name(), missed))));
  }

  /**
   * What the overdue clock does with a case it found due: mark the deadline that passed, or, when there is
   * none to mark (a step taken meanwhile from an older picture left {@code dueAt} early), put {@code dueAt}
   * right so the case is not found again before its time.
   */
  Optional<CaseChange> whenDue(Instant now) {
    Optional<CaseChange> mark = Stream.of(DeadlineKind.values()).filter(kind -> deadlineOf(kind) != null)
        .map(kind -> markOverdue(kind, deadlineOf(kind), now)).flatMap(Optional::stream).findFirst();
    return mark.isPresent() ? mark : clocksPutRight();
  }

  /**
   * The untraced write that puts {@code deadline} and {@code dueAt} right, guarded on the case's rev; empty
   * when they are right already.
   */
  Optional<CaseChange> clocksPutRight() {
    Instant due = dueAt(state, claimDeadline, resolveDeadline, overdue);
    Instant current = state.currentDeadline(claimDeadline, resolveDeadline);
    return Objects.equals(due, dueAt) && Objects.equals(current, deadline) ? Optional.empty()
        : Optional.of(CaseChange.untraced(this, clocks(state, claimDeadline, resolveDeadline, overdue)));
  }

  /** The extension as it was read, so a decision taken meanwhile makes this write a 409 instead of undoing it. */
  private List<Bson> unchangedExtension() {
    return List.of(Filters.eq(EXTENSION_STATUS, extensionStatus()));
  }

  /** The writes, and a pending extension request withdrawn: it ends with the case leaving the unit's hands. */
  private List<Bson> withdrawingPending(List<Bson> writes) {
    List<Bson> all = new ArrayList<>(writes);
    if (extensionStatus() == ExtensionStatus.PENDING) {
      all.add(Updates.set(EXTENSION_STATUS, ExtensionStatus.WITHDRAWN));
    }
    return all;
  }

  private static ApiException invalidDeadline(String message) {
    return ApiException.invalid(List.of(new FieldProblem("requestedDeadline", message)));
  }
}
