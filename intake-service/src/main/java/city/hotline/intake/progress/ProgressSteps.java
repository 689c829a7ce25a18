package city.hotline.intake.progress;

import city.hotline.contracts.CaseAwaitingManualDispatch;
import city.hotline.contracts.CaseClaimed;
import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseExtensionDecided;
import city.hotline.contracts.CaseExtensionRequested;
import city.hotline.contracts.CaseOverdue;
import city.hotline.contracts.CasePressed;
import city.hotline.contracts.CaseReopened;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.CaseReturned;
import city.hotline.contracts.EventEnvelope;
import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.TimelineEntry;
import java.time.Instant;
import java.util.Optional;

/**
 * What each of the other services' events means on the citizen-facing timeline. Extension, overdue,
 * press and reopen notes carry no status: what the case is doing is told by the events around them. The partners'
 * webhooks tell the same steps.
 */
public final class ProgressSteps {
  private static final String SYSTEM = "system";

  private ProgressSteps() {}

  public static Optional<TimelineEntry> of(EventEnvelope<?> event) {
    Instant at = event.occurredAt();
    Object payload = event.payload();
    TimelineEntry step;
    if (payload instanceof CaseDispatched p) {
      step = new TimelineEntry(at, ComplaintStatus.DISPATCHED, p.actor(), dispatchNote(p));
    } else if (payload instanceof CaseAwaitingManualDispatch p) {
      step = new TimelineEntry(at, ComplaintStatus.AWAITING_MANUAL_DISPATCH, SYSTEM, p.reason());
    } else if (payload instanceof CaseClaimed p) {
      step = new TimelineEntry(at, ComplaintStatus.CLAIMED, p.actor(), "签收");
    } else if (payload instanceof CaseReturned p) {
      step = new TimelineEntry(at, ComplaintStatus.RETURNED, p.actor(), "退单 (" + p.reason() + "): " + p.note());
    } else if (payload instanceof CaseResolved p) {
      step = new TimelineEntry(at, ComplaintStatus.RESOLVED, p.actor(), p.reply());
    } else if (payload instanceof CaseClosed p) {
      step = new TimelineEntry(at, ComplaintStatus.CLOSED, p.actor(), "结案: " + p.outcome());
    } else if (payload instanceof CaseExtensionRequested p) {
      step = new TimelineEntry(at, null, p.actor(), "申请延期至 " + p.requestedDeadline() + ": " + p.reason());
    } else if (payload instanceof CaseExtensionDecided p) {
      step = new TimelineEntry(at, null, p.actor(),
          p.approved() ? "延期获批, 办结时限 " + p.resolveDeadline() : "延期未获批");
    } else if (payload instanceof CaseOverdue p) {
      step = new TimelineEntry(at, null, SYSTEM, CaseOverdue.CLAIM.equals(p.kind()) ? "超期未签收" : "超期未办结");
    } else if (payload instanceof CasePressed p) {
      step = new TimelineEntry(at, null, p.actor(), "督办: " + p.note());
    } else if (payload instanceof CaseReopened p) {
      step = new TimelineEntry(at, null, p.actor(), "重办 (第 " + p.reopenCount() + " 次)");
    } else {
      return Optional.empty();
    }
    return Optional.of(step);
  }

  private static String dispatchNote(CaseDispatched p) {
    String cause = p.cause() == null ? CaseDispatched.ROUTED : p.cause();
    return switch (cause) {
      case CaseDispatched.MANUAL -> "人工派单至 " + p.unitName();
      case CaseDispatched.REOPENED -> "重办, 再次交 " + p.unitName() + " 办理";
      default -> "派单至 " + p.unitName();
    };
  }
}
