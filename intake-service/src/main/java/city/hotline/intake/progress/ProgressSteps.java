package city.hotline.intake.progress;

import city.hotline.contracts.CaseAwaitingManualDispatch;
import city.hotline.contracts.CaseClaimed;
import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.EventEnvelope;
import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.TimelineEntry;
import java.util.Optional;

/** What each of the other services' events means on the citizen-facing timeline. */
final class ProgressSteps {
  private ProgressSteps() {}

  static Optional<TimelineEntry> of(EventEnvelope<?> event) {
    Object payload = event.payload();
    TimelineEntry step;
    if (payload instanceof CaseDispatched p) {
      step = new TimelineEntry(event.occurredAt(), ComplaintStatus.DISPATCHED, p.actor(), "派单至 " + p.unitName());
    } else if (payload instanceof CaseAwaitingManualDispatch p) {
      step = new TimelineEntry(event.occurredAt(), ComplaintStatus.AWAITING_MANUAL_DISPATCH, "system", p.reason());
    } else if (payload instanceof CaseClaimed p) {
      step = new TimelineEntry(event.occurredAt(), ComplaintStatus.CLAIMED, p.actor(), "签收");
    } else if (payload instanceof CaseResolved p) {
      step = new TimelineEntry(event.occurredAt(), ComplaintStatus.RESOLVED, p.actor(), p.reply());
    } else if (payload instanceof CaseClosed p) {
      step = new TimelineEntry(event.occurredAt(), ComplaintStatus.CLOSED, p.actor(), "结案: " + p.outcome());
    } else {
      return Optional.empty();
    }
    return Optional.of(step);
  }
}
