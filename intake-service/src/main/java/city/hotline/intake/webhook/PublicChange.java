package city.hotline.intake.webhook;

import city.hotline.contracts.CaseEvent;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintMerged;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.progress.ProgressSteps;
import city.hotline.intake.progress.PublicNotes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A change of a ticket's status as its timeline shows it (受理, 派单, 签收, 办结, 结案 …), the thing a webhook tells.
 * Notes that change no status (延期, 督办, 超期) are not changes. A registration answered on the phone or merged at the
 * call is two changes, as it is two steps on the timeline.
 *
 * @param changeId the event's id, with a suffix for the second change of one event: a delivery's id follows from it
 * @param note the timeline's note, before {@link #publicNote} makes it a public one
 * @param category the category the event names (null if none)
 * @param district the district the event names (null if none)
 */
record PublicChange(String changeId, String ticketId, Instant at, ComplaintStatus status, String note,
    String category, String district) {
  private static final String MERGED_AT_CALL = "#merged";

  /** The changes an event of intake, dispatch or feedback makes, none for most notes. */
  static List<PublicChange> of(EventEnvelope<?> event) {
    String id = event.eventId().toString();
    List<PublicChange> changes = new ArrayList<>();
    if (event.payload() instanceof ComplaintRegistered call) {
      changes.add(change(event, id, ComplaintStatus.REGISTERED, "受理"));
      if (call.closedDirectly()) {
        changes.add(change(event, id + WorkOrder.CLOSED_AT_CALL, ComplaintStatus.CLOSED, "直接办结: " + call.answer()));
      } else if (call.duplicateOf() != null) {
        changes.add(change(event, id + MERGED_AT_CALL, ComplaintStatus.MERGED, "重复件, 并入 " + call.duplicateOf()));
      }
    } else if (event.payload() instanceof ComplaintMerged merged) {
      changes.add(change(event, id, ComplaintStatus.MERGED, "重复件, 并入 " + merged.originalTicketId()));
    } else {
      ProgressSteps.of(event).filter(step -> step.status() != null)
          .ifPresent(step -> changes.add(change(event, id, step.status(), step.note())));
    }
    return changes;
  }

  private static PublicChange change(EventEnvelope<?> event, String changeId, ComplaintStatus status, String note) {
    CaseFacts facts = event.payload() instanceof CaseEvent e ? e.facts() : null;
    return new PublicChange(changeId, event.ticketId(), event.occurredAt(), status, note,
        facts == null ? null : facts.category(), facts == null ? null : facts.district());
  }

  /** GeoReport v2's status: a ticket is open until it is closed or merged into another. */
  static String open311Status(ComplaintStatus status) {
    return status.isOpen() ? "open" : "closed";
  }

  /**
   * The note as a partner may read it: none for a confidential caller's ticket (保密: what was done may say who it
   * is about), else by the rule of every public channel ({@link PublicNotes}).
   */
  String publicNote(WorkOrder order) {
    return order.isConfidential() ? null : PublicNotes.note(status, note, changeId, order);
  }

  /** The category it belongs to: the event's, else the work order's as registered. */
  String categoryOf(WorkOrder order) {
    return category != null ? category : order.category();
  }

  String districtOf(WorkOrder order) {
    return district != null ? district : order.district();
  }
}
