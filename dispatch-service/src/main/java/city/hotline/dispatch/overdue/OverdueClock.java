package city.hotline.dispatch.overdue;

import city.hotline.support.metrics.ClockPasses;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 超期 detection: every few seconds each replica asks for the cases whose next deadline has passed and
 * marks them. Replicas may find the same cases; the marking itself is a guarded write that succeeds once
 * per deadline, so each deadline yields exactly one CaseOverdue. After a stop nothing is missed: a passed
 * deadline stays due on its case until it is marked. Each pass that got through is reported to
 * {@link ClockPasses} as clock {@code overdue}, so a clock that keeps failing (database down) shows as stalled.
 */
@Component
class OverdueClock {
  static final String CLOCK = "overdue";
  private static final Logger log = LoggerFactory.getLogger(OverdueClock.class);

  private final OverdueMarking marker;
  private final ClockPasses.Pass passes;

  OverdueClock(OverdueMarking marker, ClockPasses clocks,
      @Value("${hotline.overdue.scan-interval}") Duration scanInterval) {
    this.marker = marker;
    this.passes = clocks.register(CLOCK, scanInterval);
  }

  @Scheduled(fixedDelayString = "${hotline.overdue.scan-interval}")
  void tick() {
    int marked = marker.markDue();
    passes.completed(); // not reached when the pass threw: the clock then shows the time since its last good pass
    if (marked > 0) {
      log.info("overdue marked={}", marked);
    }
  }
}
