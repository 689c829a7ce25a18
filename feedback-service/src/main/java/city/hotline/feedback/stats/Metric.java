package city.hotline.feedback.stats;

import city.hotline.contracts.CaseClaimed;
import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseOverdue;
import city.hotline.contracts.CaseReopened;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.CaseReturned;
import city.hotline.contracts.ComplaintMerged;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** What the leadership counts (SPEC §5), and which events count towards which figure. */
public enum Metric {
  RECEIVED, // 受理量
  CLOSED_DIRECTLY, // 直接办结: consultations answered on the phone
  MERGED, // 重复件: calls merged into an open ticket, at registration or after
  DISPATCHED, // 派单量
  CLAIMED,
  CLAIMED_ON_TIME,
  RESOLVED,
  RESOLVED_ON_TIME,
  CLOSED,
  RATED, // a SATISFIED, BASICALLY_SATISFIED or DISSATISFIED verdict; UNREACHABLE and NO_RESPONSE are not ratings
  CONTENT, // SATISFIED or BASICALLY_SATISFIED
  RETURNED, // 退单: returned by a unit at least once
  OVERDUE, // 超期: missed its claim or resolve deadline
  REOPENED; // 重办: sent back to its unit after a dissatisfied return visit

  private static final Set<String> RATINGS = Set.of("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED");
  private static final Set<String> CONTENT_RATINGS = Set.of("SATISFIED", "BASICALLY_SATISFIED");

  /** The figures one event moves; each counts the ticket once, in the period of this event. */
  public static List<Metric> countedBy(EventEnvelope<?> event) {
    List<Metric> metrics = new ArrayList<>();
    Object payload = event.payload();
    if (payload instanceof ComplaintRegistered registered) {
      metrics.add(RECEIVED);
      if (registered.closedDirectly()) {
        metrics.add(CLOSED_DIRECTLY);
        metrics.add(CLOSED);
      }
      if (registered.duplicateOf() != null) {
        metrics.add(MERGED);
      }
    } else if (payload instanceof ComplaintMerged) {
      metrics.add(MERGED);
    } else if (payload instanceof CaseDispatched) {
      metrics.add(DISPATCHED);
    } else if (payload instanceof CaseClaimed claimed) {
      metrics.add(CLAIMED);
      if (claimed.onTime()) {
        metrics.add(CLAIMED_ON_TIME);
      }
    } else if (payload instanceof CaseResolved resolved) {
      metrics.add(RESOLVED);
      if (resolved.onTime()) {
        metrics.add(RESOLVED_ON_TIME);
      }
    } else if (payload instanceof CaseReturned) {
      metrics.add(RETURNED);
    } else if (payload instanceof CaseOverdue) {
      metrics.add(OVERDUE);
    } else if (payload instanceof CaseReopened) {
      metrics.add(REOPENED);
    } else if (payload instanceof CaseClosed closed) {
      metrics.add(CLOSED);
      if (RATINGS.contains(closed.outcome())) {
        metrics.add(RATED);
      }
      if (CONTENT_RATINGS.contains(closed.outcome())) {
        metrics.add(CONTENT);
      }
    }
    return metrics;
  }

  /** The field of a statistics bucket that holds the tickets counted for this figure. */
  String field() {
    return name().toLowerCase();
  }
}
