package city.hotline.dispatch.overdue;

import java.time.Instant;

/** Marks a case overdue for one passed deadline, at most once per deadline (implemented by casework). */
public interface OverdueMarking {
  /** @return true if this call marked the case; false if it was marked already or the deadline no longer applies */
  boolean mark(String ticketId, DeadlineKind kind, Instant deadline);
}
