package city.hotline.dispatch.overdue;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 超期 detection: every few seconds each replica reads the timer minutes since the shared cursor and
 * marks the cases whose deadline has passed. Replicas may read the same minutes; the marking itself is
 * a guarded write that succeeds once per deadline, so each deadline yields exactly one CaseOverdue.
 */
@Component
class OverdueClock {
  private static final Logger log = LoggerFactory.getLogger(OverdueClock.class);

  private final SlaTimers timers;
  private final OverdueMarking marker;
  private final Duration maxCatchUp;

  OverdueClock(SlaTimers timers, OverdueMarking marker, @Value("${hotline.overdue.max-catch-up}") Duration maxCatchUp) {
    this.timers = timers;
    this.marker = marker;
    this.maxCatchUp = maxCatchUp;
  }

  @Scheduled(fixedDelayString = "${hotline.overdue.scan-interval}")
  void tick() {
    int marked = timers.runDue(maxCatchUp, timer -> marker.mark(timer.ticketId(), timer.kind(), timer.deadline()));
    if (marked > 0) {
      log.info("overdue marked={}", marked);
    }
  }
}
