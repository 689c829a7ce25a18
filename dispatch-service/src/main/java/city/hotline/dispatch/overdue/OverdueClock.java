package city.hotline.dispatch.overdue;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 超期 detection: every few seconds each replica asks for the cases whose next deadline has passed and
 * marks them. Replicas may find the same cases; the marking itself is a guarded write that succeeds once
 * per deadline, so each deadline yields exactly one CaseOverdue. After a stop nothing is missed: a passed
 * deadline stays due on its case until it is marked.
 */
@Component
class OverdueClock {
  private static final Logger log = LoggerFactory.getLogger(OverdueClock.class);

  private final OverdueMarking marker;

  OverdueClock(OverdueMarking marker) {
    this.marker = marker;
  }

  @Scheduled(fixedDelayString = "${hotline.overdue.scan-interval}")
  void tick() {
    int marked = marker.markDue();
    if (marked > 0) {
      log.info("overdue marked={}", marked);
    }
  }
}
