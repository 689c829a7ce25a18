package city.hotline.dispatch.casework;

import city.hotline.contracts.CaseClaimed;
import city.hotline.contracts.CaseExtensionRequested;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.CaseReturned;
import city.hotline.contracts.EventType;
import city.hotline.dispatch.sla.CalendarSettings;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

/** What a unit does with its cases: 签收 claim, 办结 resolve, 退单 return, 延期 ask for more time. */
@Service
class BureauActions {
    private static final DateTimeFormatter NOTE_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  private final CaseWrites writes;
  private final CaseClocks clocks;
  private final CaseworkSettings settings;
  private final ZoneId zone;

  BureauActions(CaseWrites writes, CaseClocks clocks, CaseworkSettings settings, CalendarSettings calendar) {
    this.writes = writes;
    this.clocks = clocks;
    this.settings = settings;
    this.zone = calendar.zone();
  }

  /** 签收: exclusive; of two simultaneous claims the state guard lets exactly one through. */
  CaseView claim(String ticketId, Caller caller) {
    Document kase = writes.load(ticketId, caller);
    Instant now = writes.now();
    boolean onTime = !now.isAfter(CaseDocuments.instant(kase, "claimDeadline"));
    Document updated = writes.apply(kase, caller, CaseAction.CLAIM, List.of(),
        List.of(Updates.set("claimedAt", Date.from(now)), Updates.set("claimedBy", caller.actor()),
            Updates.set("enteredAt", Date.from(now))),
        now, onTime ? "签收" : "签收 (超期)", writes.event(EventType.CASE_CLAIMED, ticketId, now,
            new CaseClaimed(CaseDocuments.facts(kase), caller.actor(), onTime)));
    return CaseView.of(updated, caller, now);
  }

  /** 办结: the reply says what was done; attachments are references to files kept elsewhere. */
  CaseView resolve(String ticketId, String reply, List<CaseView.Attachment> attachments, Caller caller) {
    Document kase = writes.load(ticketId, caller);
    Instant now = writes.now();
    boolean onTime = !now.isAfter(CaseDocuments.instant(kase, "resolveDeadline"));
    Document updated = writes.apply(kase, caller, CaseAction.RESOLVE, unchangedExtension(kase),
        withdrawingPending(kase, List.of(Updates.set("resolvedAt", Date.from(now)), Updates.set("reply", reply),
            Updates.set("attachments", attachments.stream().map(CaseView.Attachment::toDocument).toList()))),
        now, reply, writes.event(EventType.CASE_RESOLVED, ticketId, now,
            new CaseResolved(CaseDocuments.facts(kase), caller.actor(), reply, onTime, registeredAt(kase),
                clocks.returnVisitDeadline(now))));
    return CaseView.of(updated, caller, now);
  }

  /**
   * 退单: the case goes to the dispatch desk with the reason, and its clocks stop until the desk sends
   * it on. The unit no longer sees it. The desk needs an explicit choice to send it back to a unit
   * that has returned it {@code hotline.casework.returns-before-confirm} times ({@link DeskActions}).
   */
  CaseView returnCase(String ticketId, ReturnReason reason, String note, Caller caller) {
    Document kase = writes.load(ticketId, caller);
    Instant now = writes.now();
    String unitId = kase.getString("unitId");
    int returns = CaseDocuments.returnsBy(kase, unitId) + 1;
    Document entry = new Document("at", Date.from(now)).append("unitId", unitId)
        .append("unitName", kase.getString("unitName")).append("reason", reason.name()).append("note", note)
        .append("actor", caller.actor());
    Document updated = writes.apply(kase, caller, CaseAction.RETURN, unchangedExtension(kase),
        withdrawingPending(kase, List.of(Updates.push("returns", entry), Updates.inc("returnCounts." + unitId, 1),
            Updates.set("unitId", null), Updates.set("unitName", null), Updates.set("enteredAt", Date.from(now)),
            Updates.unset("claimDeadline"), Updates.unset("resolveDeadline"), Updates.unset("claimedAt"),
            Updates.unset("claimedBy"))),
        now, "退单 (" + reason.label() + "): " + note, writes.event(EventType.CASE_RETURNED, ticketId, now,
            new CaseReturned(CaseDocuments.facts(kase), caller.actor(), reason.name(), note, returns)));
    return CaseView.of(updated, caller, now);
  }

  /** 延期申请: a later resolve deadline, at most one request pending at a time. */
  CaseView requestExtension(String ticketId, String reason, Instant requested, Caller caller) {
    Document kase = writes.load(ticketId, caller);
    CaseWrites.check(kase, CaseAction.REQUEST_EXTENSION);
    if (CaseDocuments.extensionStatus(kase) == ExtensionStatus.PENDING) {
      throw ApiException.conflict("Case " + ticketId + " already has an extension request waiting for the desk");
    }
    Instant now = writes.now();
    Instant current = CaseDocuments.instant(kase, "resolveDeadline");
    if (!requested.isAfter(current)) {
      throw invalidDeadline("must be later than the current resolve deadline " + current);
    }
    if (requested.isAfter(now.plus(settings.maxExtension()))) {
      throw invalidDeadline("must be within " + settings.maxExtension().toDays() + " days from now");
    }
    Document extension = new Document("status", ExtensionStatus.PENDING.name()).append("reason", reason)
        .append("requestedDeadline", Date.from(requested)).append("requestedBy", caller.actor())
        .append("requestedAt", Date.from(now));
    Document updated = writes.apply(kase, caller, CaseAction.REQUEST_EXTENSION,
        List.of(Filters.ne("extension.status", ExtensionStatus.PENDING.name())), List.of(Updates.set("extension", extension)), now,
        "申请延期至 " + NOTE_TIME.format(requested.atZone(zone)) + ": " + reason,
        writes.event(EventType.CASE_EXTENSION_REQUESTED, ticketId, now,
            new CaseExtensionRequested(CaseDocuments.facts(kase), caller.actor(), reason, requested)));
    return CaseView.of(updated, caller, now);
  }

  /** The extension as it was read, so a decision taken meanwhile makes this write a 409 instead of undoing it. */
  private static List<Bson> unchangedExtension(Document kase) {
    ExtensionStatus status = CaseDocuments.extensionStatus(kase);
    return List.of(Filters.eq("extension.status", status == null ? null : status.name()));
  }

  /** The changes, and a pending extension request withdrawn: it ends with the case leaving the unit's hands. */
  private static List<Bson> withdrawingPending(Document kase, List<Bson> changes) {
    List<Bson> all = new ArrayList<>(changes);
    if (CaseDocuments.extensionStatus(kase) == ExtensionStatus.PENDING) {
      all.add(Updates.set("extension.status", ExtensionStatus.WITHDRAWN.name()));
    }
    return all;
  }

  private static ApiException invalidDeadline(String message) {
    return ApiException.invalid(List.of(new FieldProblem("requestedDeadline", message)));
  }

  /** Cases opened before the registration time was kept count from when dispatch opened them. */
  private static Instant registeredAt(Document kase) {
    Instant registeredAt = CaseDocuments.instant(kase, "registeredAt");
    return registeredAt != null ? registeredAt : CaseDocuments.instant(kase, "openedAt");
  }
}
