package city.hotline.intake.duplicate;

import city.hotline.intake.complaint.ComplaintView;
import java.util.Optional;

/**
 * 重复件: which call may be merged into which. A call repeats an <em>earlier</em> ticket that is
 * still open, and is merged only while no unit has taken it on, so no one's work is undone. "Earlier"
 * (ticket numbers sort by day and sequence) also rules out two tickets merged into each other.
 */
public final class MergeRule {
  private MergeRule() {}

  /**
   * @param duplicate the ticket to merge, or null for a call being registered as a duplicate
   * @return why it cannot be merged into {@code original}, or empty if it can
   */
  public static Optional<String> refusal(ComplaintView duplicate, ComplaintView original) {
    if (!original.status().isOpen()) {
      return Optional.of(original.ticketId() + " is " + original.status()
          + "; a call can only be merged into an open work order");
    }
    if (duplicate == null) {
      return Optional.empty();
    }
    String ticketId = duplicate.ticketId();
    if (ticketId.compareTo(original.ticketId()) <= 0) {
      return Optional.of(ticketId + " is not later than " + original.ticketId()
          + "; a call can only be merged into an earlier ticket");
    }
    if (!duplicate.status().isMergeable()) {
      return Optional.of(ticketId + " is " + duplicate.status()
          + "; only a work order that no unit has claimed yet can be merged");
    }
    if (!duplicate.duplicateCalls().isEmpty()) { // its own extra callers would be stranded on it
      return Optional.of(ticketId + " has calls merged into it; merge " + original.ticketId() + " into "
          + ticketId + " instead, or leave both open");
    }
    return Optional.empty();
  }
}
