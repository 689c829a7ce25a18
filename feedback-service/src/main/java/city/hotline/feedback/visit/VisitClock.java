package city.hotline.feedback.visit;

import city.hotline.support.metrics.ClockPasses;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes, as NO_RESPONSE, every visit still open at its return-visit deadline: a query on the open visits
 * by deadline. Any replica may run it: the close is guarded on "open, and still this deadline", so it
 * happens once. Each pass that got through is reported to {@link ClockPasses} as clock
 * {@code visit-no-response}, so a clock that keeps failing (database down) shows as stalled.
 */
@Component
class VisitClock {
  static final String CLOCK = "visit-no-response";
  private static final Logger log = LoggerFactory.getLogger(VisitClock.class);

  private final VisitService visits;
  private final ClockPasses.Pass passes;

  VisitClock(VisitService visits, ClockPasses clocks, VisitSettings settings) {
    this.visits = visits;
    this.passes = clocks.register(CLOCK, settings.clockInterval());
  }

  @Scheduled(fixedDelayString = "${hotline.visits.clock-interval}")
  void tick() {
    int closed = visits.closeUnanswered();
    passes.completed(); // not reached when the pass threw: the clock then shows the time since its last good pass
    if (closed > 0) {
      log.info("return visits closed as NO_RESPONSE count={}", closed);
    }
  }
}
