package city.hotline.dispatch.casework;

import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseExtensionDecided;
import city.hotline.contracts.CasePressed;
import city.hotline.contracts.EventType;
import city.hotline.dispatch.routing.RoutingRepository;
import city.hotline.dispatch.routing.Unit;
import city.hotline.dispatch.sla.Deadlines;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

/** What the dispatch desk (派单员) does: route by hand (人工派单/改派), decide extensions (延期审批), press (督办). */
@Service
class DeskActions {
  /** The problem code of a hand dispatch refused because the unit returned the case too often. */
  static final String RETURNED_BY_UNIT = "UNIT_RETURNED_CASE";

  private final CaseWrites writes;
  private final CaseClocks clocks;
  private final RoutingRepository routing;
  private final CaseworkSettings settings;

  DeskActions(CaseWrites writes, CaseClocks clocks, RoutingRepository routing, CaseworkSettings settings) {
    this.writes = writes;
    this.clocks = clocks;
    this.routing = routing;
    this.settings = settings;
  }

  /**
   * Sends a case waiting at the desk, or one not yet claimed, to any active unit with fresh deadlines.
   * A unit that has returned the case {@code returns-before-confirm} times gets it back only when the
   * dispatcher confirms that choice explicitly (SPEC §2).
   */
  CaseView dispatch(String ticketId, String unitId, String note, boolean confirmReturnedUnit, Caller caller) {
    Document kase = writes.load(ticketId, caller);
    CaseWrites.check(kase, CaseAction.DISPATCH);
    Unit unit = routing.activeUnit(unitId).orElseThrow(() -> ApiException.invalid(
        List.of(new FieldProblem("unitId", "is not an active unit: " + unitId))));
    String current = kase.getString("unitId");
    if (unit.id().equals(current)) {
      throw ApiException.conflict("Case " + ticketId + " is already with " + unit.name());
    }
    int returns = CaseDocuments.returnsBy(kase, unit.id());
    if (returns >= settings.returnsBeforeConfirm() && !confirmReturnedUnit) {
      throw ApiException.conflict(unit.name() + " has returned case " + ticketId + " " + returns
          + " times; send it there again only with confirmReturnedUnit set",
          Map.of("code", RETURNED_BY_UNIT, "unitId", unit.id(), "returns", returns));
    }
    Instant now = writes.now();
    Deadlines deadlines = clocks.restart(kase, now);
    List<Bson> changes = CaseDocuments.redispatch(unit, CaseDocuments.MANUAL_RULE, null, deadlines, now,
        caller.actor());
    String text = "人工派单至 " + unit.name() + (note == null || note.isBlank() ? "" : ": " + note);
    Document updated = writes.apply(kase, caller, CaseAction.DISPATCH, List.of(Filters.eq("unitId", current)),
        changes, now, text, writes.event(EventType.CASE_DISPATCHED, ticketId, now,
            new CaseDispatched(CaseDocuments.facts(kase, unit.id()), unit.name(), CaseDocuments.MANUAL_RULE,
                deadlines.claimBy(), deadlines.resolveBy(), caller.actor(), CaseDispatched.MANUAL)));
    return CaseView.of(updated, caller, now);
  }

  /** 延期审批: approval moves the resolve deadline to the one asked for; either way the unit is told why. */
  CaseView decideExtension(String ticketId, boolean approve, String note, Caller caller) {
    Document kase = writes.load(ticketId, caller);
    CaseWrites.check(kase, CaseAction.DECIDE_EXTENSION);
    Document extension = kase.get("extension", Document.class);
    if (extension == null || !ExtensionStatus.PENDING.name().equals(extension.getString("status"))) {
      throw ApiException.conflict("Case " + ticketId + " has no extension request waiting for a decision");
    }
    Instant now = writes.now();
    Instant requested = extension.getDate("requestedDeadline").toInstant();
    Instant deadline = approve ? requested : CaseDocuments.instant(kase, "resolveDeadline");
    List<Bson> changes = new ArrayList<>(List.of(
        Updates.set("extension.status", (approve ? ExtensionStatus.APPROVED : ExtensionStatus.REJECTED).name()),
        Updates.set("extension.decidedBy", caller.actor()),
        Updates.set("extension.decidedAt", Date.from(now)),
        Updates.set("extension.note", note)));
    if (approve && !requested.isAfter(now)) {
      throw ApiException.conflict("The extension asked for " + requested + ", which has passed; reject it and let the unit ask again");
    }
    if (approve) {
      clocks.watchResolve(ticketId, requested);
      changes.add(Updates.set("resolveDeadline", Date.from(requested)));
    }
    String text = (approve ? "同意延期" : "不同意延期") + (note == null || note.isBlank() ? "" : ": " + note);
    Document updated = writes.apply(kase, caller, CaseAction.DECIDE_EXTENSION,
        List.of(Filters.eq("extension.status", ExtensionStatus.PENDING.name()), Filters.eq("extension.requestedAt",
            extension.getDate("requestedAt"))),
        changes, now, text, writes.event(EventType.CASE_EXTENSION_DECIDED, ticketId, now,
            new CaseExtensionDecided(CaseDocuments.facts(kase), caller.actor(), approve, deadline, note)));
    return CaseView.of(updated, caller, now);
  }

  /** 督办: only a case past the deadline it is working against can be pressed; the note shows in the unit's queue. */
  CaseView press(String ticketId, String note, Caller caller) {
    Document kase = writes.load(ticketId, caller);
    CaseWrites.check(kase, CaseAction.PRESS);
    Instant now = writes.now();
    Instant deadline = CaseDocuments.currentDeadline(kase);
    if (deadline == null || !now.isAfter(deadline)) {
      throw ApiException.conflict("Case " + ticketId + " is not overdue (deadline " + deadline + "); only overdue cases are pressed");
    }
    Document press = new Document("at", Date.from(now)).append("actor", caller.actor()).append("note", note);
    Document updated = writes.apply(kase, caller, CaseAction.PRESS,
        List.of(Filters.eq("unitId", Objects.requireNonNull(kase.getString("unitId")))),
        List.of(Updates.push("presses", press)), now, "督办: " + note,
        writes.event(EventType.CASE_PRESSED, ticketId, now,
            new CasePressed(CaseDocuments.facts(kase), caller.actor(), note)));
    return CaseView.of(updated, caller, now);
  }
}
