package city.hotline.dispatch.casework;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.dispatch.routing.Unit;
import city.hotline.dispatch.sla.Deadlines;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * How a case is laid out in its document. {@code rev} counts the writes to a case, so the queue
 * read model can tell a newer picture of the case from an older one.
 */
final class CaseDocuments {
  static final String MANUAL_RULE = "MANUAL";

  private CaseDocuments() {}

  /** @param registeredAt when intake registered the call (受理), as its event says */
  static Document fromRegistration(String ticketId, ComplaintRegistered request, Instant registeredAt, Instant now) {
    CaseFacts facts = request.facts();
    return new Document("_id", ticketId)
        .append("rev", 0)
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
        .append("registeredAt", Date.from(registeredAt))
        .append("openedAt", Date.from(now))
        .append("audit", new ArrayList<Document>());
  }

  /** A new case routed by a rule. */
  static void dispatch(Document kase, Unit unit, String ruleKey, int ruleVersion, Deadlines deadlines, Instant now) {
    kase.append("state", CaseState.DISPATCHED.name())
        .append("unitId", unit.id())
        .append("unitName", unit.name())
        .append("unitsSeen", List.of(unit.id()))
        .append("ruleKey", ruleKey)
        .append("ruleVersion", ruleVersion)
        .append("dispatchedAt", Date.from(now))
        .append("enteredAt", Date.from(now))
        .append("claimDeadline", Date.from(deadlines.claimBy()))
        .append("resolveDeadline", Date.from(deadlines.resolveBy()));
    kase.getList("audit", Document.class).add(audit(now, "DISPATCH", CaseState.DISPATCHED, CaseService.SYSTEM,
        "派单至 " + unit.name() + " (rule " + ruleKey + " v" + ruleVersion + ")"));
  }

  static void awaitManualDispatch(Document kase, String reason, Instant now) {
    kase.append("state", CaseState.AWAITING_MANUAL_DISPATCH.name()).append("enteredAt", Date.from(now));
    kase.getList("audit", Document.class).add(
        audit(now, "ROUTE", CaseState.AWAITING_MANUAL_DISPATCH, CaseService.SYSTEM, reason));
  }

  /** The changes that hand an existing case to a unit with fresh deadlines (by hand, or again after 重办). */
  static List<Bson> redispatch(Unit unit, String ruleKey, Integer ruleVersion, Deadlines deadlines, Instant now,
      String actor) {
    return List.of(
        Updates.set("unitId", unit.id()),
        Updates.set("unitName", unit.name()),
        Updates.addToSet("unitsSeen", unit.id()),
        Updates.set("ruleKey", ruleKey),
        Updates.set("ruleVersion", ruleVersion),
        Updates.set("dispatchedAt", Date.from(now)),
        Updates.set("dispatchedBy", actor),
        Updates.set("enteredAt", Date.from(now)),
        Updates.set("claimDeadline", Date.from(deadlines.claimBy())),
        Updates.set("resolveDeadline", Date.from(deadlines.resolveBy())),
        Updates.unset("claimedAt"),
        Updates.unset("claimedBy"),
        Updates.unset("extension")); // an earlier round's extension (in the audit trail) does not apply to this one
  }

  static Document audit(Instant at, CaseAction action, CaseState state, String actor, String note) {
    return audit(at, action.name(), state, actor, note);
  }

  private static Document audit(Instant at, String action, CaseState state, String actor, String note) {
    return new Document("at", Date.from(at))
        .append("action", action)
        .append("state", state.name())
        .append("actor", actor)
        .append("note", note);
  }

  /** The rule that routed the case as events name it ({@code JIANGAN|*@v3}), or MANUAL. */
  static String ruleId(Document kase) {
    Integer version = kase.getInteger("ruleVersion");
    return kase.getString("ruleKey") + (version == null ? "" : "@v" + version);
  }

  static CaseState state(Document kase) {
    return CaseState.valueOf(kase.getString("state"));
  }

  static CaseFacts facts(Document kase) {
    return facts(kase, kase.getString("unitId"));
  }

  static CaseFacts facts(Document kase, String unitId) {
    return new CaseFacts(kase.getString("district"), kase.getString("category"), kase.getString("urgency"), unitId);
  }

  static Instant instant(Document kase, String field) {
    Date date = kase.getDate(field);
    return date == null ? null : date.toInstant();
  }

  /** The deadline the unit is working against now: claiming while dispatched, resolving once claimed. */
  static Instant currentDeadline(Document kase) {
    return state(kase).currentDeadline(instant(kase, "claimDeadline"), instant(kase, "resolveDeadline"));
  }

  /** The deadline of this kind (CLAIM or RESOLVE) the case was last marked overdue for, or null. */
  static Instant overdueMarked(Document kase, String kind) {
    Document overdue = kase.get("overdue", Document.class);
    return overdue == null ? null : instant(overdue, kind.toLowerCase());
  }

  /** How many times {@code unitId} has returned this case (退单). */
  static int returnsBy(Document kase, String unitId) {
    Document counts = kase.get("returnCounts", Document.class);
    return counts == null || unitId == null ? 0 : counts.getInteger(unitId, 0);
  }

  static ExtensionStatus extensionStatus(Document kase) {
    Document extension = kase.get("extension", Document.class);
    return extension == null ? null : ExtensionStatus.valueOf(extension.getString("status"));
  }
}
