package city.hotline.dispatch.casework;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;

/**
 * Upgrade from before issue 22: cases written then have no {@code deadline} or {@code dueAt}, so the overdue
 * clock would never find them, the overdue filter never show them, and they would sort first in every queue.
 * At start-up each open case with a unit that lacks them gets both, as {@link Case#clocksPutRight} computes
 * them; the write is guarded on the case's rev, so replicas starting together (or a step taken meanwhile)
 * write it once, and a second start finds nothing left to do.
 */
@Component
class CaseClocksBackfill implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(CaseClocksBackfill.class);

  private final CaseRepository cases;
  private final CaseWrites writes;
  private final int batchSize;

  CaseClocksBackfill(CaseRepository cases, CaseWrites writes, @Value("${hotline.overdue.batch-size}") int batchSize) {
    this.cases = cases;
    this.writes = writes;
    this.batchSize = batchSize;
  }

  @Override
  public void run(ApplicationArguments args) {
    int written = backfill();
    if (written > 0) {
      log.info("cases from before deadline and dueAt were kept, given both count={}", written);
    }
  }

  /** @return how many cases this call wrote the clocks' fields of */
  int backfill() {
    int written = 0;
    String after = null;
    for (List<Case> batch = cases.withoutDeadline(null, batchSize); !batch.isEmpty();
        batch = cases.withoutDeadline(after, batchSize)) {
      for (Case kase : batch) {
        if (kase.clocksPutRight().flatMap(writes::applySystem).isPresent()) {
          written++;
        }
      }
      after = batch.get(batch.size() - 1).ticketId();
    }
    return written;
  }
}
