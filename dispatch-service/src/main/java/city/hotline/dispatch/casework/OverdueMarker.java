package city.hotline.dispatch.casework;

import city.hotline.dispatch.overdue.DeadlineKind;
import city.hotline.dispatch.overdue.OverdueMarking;
import java.time.Instant;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * 超期: finds the cases whose next unmarked deadline has passed ({@code dueAt}, indexed) and lets each
 * mark it ({@link Case#whenDue}). Each marking is guarded on the case as read, so replicas racing over the
 * same case, a claim that came in time, or a deadline moved by an extension all leave nothing to mark.
 */
@Component
public class OverdueMarker implements OverdueMarking {
  private final CaseRepository cases;
  private final CaseWrites writes;
  private final int batchSize;

  OverdueMarker(CaseRepository cases, CaseWrites writes, @Value("${hotline.overdue.batch-size}") int batchSize) {
    this.cases = cases;
    this.writes = writes;
    this.batchSize = batchSize;
  }

  @Override
  public int markDue() {
    Instant now = writes.now();
    int marked = 0;
    for (Case kase : cases.due(now, batchSize)) {
      Optional<CaseChange> change = kase.whenDue(now);
      boolean marking = change.map(c -> c.action() != null).orElse(false);
      if (change.flatMap(writes::applySystem).isPresent() && marking) {
        marked++;
      }
    }
    return marked;
  }

  /** Marks this deadline of the case if it passed and is not marked yet; true if this call marked it. */
  public boolean mark(String ticketId, DeadlineKind kind, Instant deadline) {
    Instant now = writes.now();
    return cases.find(ticketId).flatMap(kase -> kase.markOverdue(kind, deadline, now))
        .flatMap(writes::applySystem).isPresent();
  }
}
