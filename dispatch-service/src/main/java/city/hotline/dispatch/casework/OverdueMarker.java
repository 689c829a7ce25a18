package city.hotline.dispatch.casework;

import city.hotline.contracts.CaseOverdue;
import city.hotline.contracts.EventType;
import city.hotline.dispatch.overdue.DeadlineKind;
import city.hotline.dispatch.overdue.OverdueMarking;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Component;

/**
 * 超期: marks a case whose claim or resolve deadline passed, once per deadline. The write is guarded
 * on the deadline still being the case's and not yet marked, so replicas racing over the same timer,
 * a claim that came in time, or a deadline moved by an extension all leave nothing to mark.
 */
@Component
public class OverdueMarker implements OverdueMarking {
  private final CaseRepository cases;
  private final CaseWrites writes;

  OverdueMarker(CaseRepository cases, CaseWrites writes) {
    this.cases = cases;
    this.writes = writes;
  }

  /** Publishes CaseOverdue dated at the deadline, so the figures count it in the day it was missed. */
  @Override
  public boolean mark(String ticketId, DeadlineKind kind, Instant deadline) {
    Instant now = writes.now();
    if (deadline.isAfter(now)) {
      return false;
    }
    String field = kind == DeadlineKind.CLAIM ? "claimDeadline" : "resolveDeadline";
    String marker = "overdue." + kind.name().toLowerCase();
    Document kase = cases.find(ticketId).orElse(null);
    if (kase == null || !deadline.equals(CaseDocuments.instant(kase, field))
        || deadline.equals(CaseDocuments.overdueMarked(kase, kind.name()))) {
      return false;
    }
    CaseState state = CaseDocuments.state(kase);
    if (!CaseAction.MARK_OVERDUE.allowedFrom(state) || (kind == DeadlineKind.CLAIM && state != CaseState.DISPATCHED)) {
      return false;
    }
    Date at = Date.from(deadline);
    List<Bson> guards = new ArrayList<>(List.of(Filters.eq(field, at), Filters.ne(marker, at)));
    if (kind == DeadlineKind.CLAIM) {
      guards.add(Filters.eq("state", CaseState.DISPATCHED.name()));
    }
    Document audit = CaseDocuments.audit(now, CaseAction.MARK_OVERDUE, state, CaseService.SYSTEM,
        kind == DeadlineKind.CLAIM ? "超期未签收" : "超期未办结");
    return writes.applySystem(ticketId, CaseAction.MARK_OVERDUE, guards, List.of(Updates.set(marker, at)), audit,
        writes.event(EventType.CASE_OVERDUE, ticketId, deadline,
            new CaseOverdue(CaseDocuments.facts(kase), kind.name(), deadline))).isPresent();
  }
}
