package city.hotline.feedback.visit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes, as NO_RESPONSE, every visit still open at its return-visit deadline. Any replica may run it:
 * the close is guarded on "open, and still this deadline", so it happens once.
 */
@Component
class VisitClock {
  private static final Logger log = LoggerFactory.getLogger(VisitClock.class);

  private final VisitTimers timers;
  private final VisitService visits;
  private final VisitSettings settings;

  VisitClock(VisitTimers timers, VisitService visits, VisitSettings settings) {
    this.timers = timers;
    this.visits = visits;
    this.settings = settings;
  }

  @Scheduled(fixedDelayString = "${hotline.visits.clock-interval}")
  void tick() {
    int closed = timers.runDue(settings.maxCatchUp(), visits::closeUnanswered);
    if (closed > 0) {
      log.info("return visits closed as NO_RESPONSE count={}", closed);
    }
  }
}
