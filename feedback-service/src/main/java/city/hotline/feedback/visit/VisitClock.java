package city.hotline.feedback.visit;

import city.hotline.support.metrics.ClockPasses;
import java.time.Duration;
import java.util.function.IntSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Autowired;
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

  private final IntSupplier closeUnanswered;
  private final ClockPasses.Pass passes;

  @Autowired
  VisitClock(VisitService visits, ClockPasses clocks, VisitSettings settings) {
    this(visits::closeUnanswered, clocks, settings.clockInterval());
  }

  /** @param closeUnanswered one pass: closes the visits due, and says how many */
  VisitClock(IntSupplier closeUnanswered, ClockPasses clocks, Duration clockInterval) {
    this.closeUnanswered = closeUnanswered;
    this.passes = clocks.register(CLOCK, clockInterval);
  }

  @Scheduled(fixedDelayString = "${hotline.visits.clock-interval}")
  void tick() {
    int closed = closeUnanswered.getAsInt();
    passes.completed(); // not reached when the pass threw: the clock then shows the time since its last good pass
    if (closed > 0) {
      log.info("return visits closed as NO_RESPONSE count={}", closed);
    }
  }
}
