package city.hotline.dispatch.casework;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.dispatch.routing.RoutingRule;
import city.hotline.dispatch.routing.Unit;
import city.hotline.dispatch.sla.Deadlines;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/** How a case is laid out in its document. */
final class CaseDocuments {
  private CaseDocuments() {}

  static Document fromRegistration(String ticketId, ComplaintRegistered request, Instant now) {
    CaseFacts facts = request.facts();
    return new Document("_id", ticketId)
        .append("district", facts.district())
        .append("category", facts.category())
        .append("urgency", facts.urgency())
        .append("type", request.type())
        .append("address", request.address())
        .append("street", request.street())
        .append("description", request.description())
        .append("callerName", request.callerName())
        .append("callerPhone", request.callerPhone())
        .append("confidential", request.confidential())
        .append("openedAt", Date.from(now))
        .append("audit", new ArrayList<Document>());
  }

  static void dispatch(Document kase, Unit unit, RoutingRule rule, Deadlines deadlines, Instant now) {
    kase.append("state", CaseState.DISPATCHED.name())
        .append("unitId", unit.id())
        .append("unitName", unit.name())
        .append("ruleKey", rule.key())
        .append("ruleVersion", rule.version())
        .append("dispatchedAt", Date.from(now))
        .append("claimDeadline", Date.from(deadlines.claimBy()))
        .append("resolveDeadline", Date.from(deadlines.resolveBy()));
    kase.getList("audit", Document.class).add(entry(now, "DISPATCH", CaseState.DISPATCHED, CaseService.SYSTEM,
        "派单至 " + unit.name() + " (rule " + rule.key() + " v" + rule.version() + ")"));
  }

  static void awaitManualDispatch(Document kase, String reason, Instant now) {
    kase.append("state", CaseState.AWAITING_MANUAL_DISPATCH.name());
    kase.getList("audit", Document.class).add(
        entry(now, "ROUTE", CaseState.AWAITING_MANUAL_DISPATCH, CaseService.SYSTEM, reason));
  }

  static Document audit(Instant at, CaseAction action, String actor, String note) {
    return entry(at, action.name(), action.to(), actor, note);
  }

  private static Document entry(Instant at, String action, CaseState state, String actor, String note) {
    return new Document("at", Date.from(at))
        .append("action", action)
        .append("state", state.name())
        .append("actor", actor)
        .append("note", note);
  }

  static CaseFacts facts(Document kase) {
    return new CaseFacts(kase.getString("district"), kase.getString("category"), kase.getString("urgency"),
        kase.getString("unitId"));
  }

  static List<String> openStates() {
    return List.of(CaseState.DISPATCHED.name(), CaseState.CLAIMED.name());
  }
}
