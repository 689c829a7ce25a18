package city.hotline.feedback.visit;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Closes, as NO_RESPONSE, every visit still open at its return-visit deadline: a query on the open visits
 * by deadline. Any replica may run it: the close is guarded on "open, and still this deadline", so it
 * happens once.
 */
@Component
class VisitClock {
  private static final Logger log = LoggerFactory.getLogger(VisitClock.class);

  private final VisitService visits;

  VisitClock(VisitService visits) {
    this.visits = visits;
  }

  @Scheduled(fixedDelayString = "${hotline.visits.clock-interval}")
  void tick() {
    int closed = visits.closeUnanswered();
    if (closed > 0) {
      log.info("return visits closed as NO_RESPONSE count={}", closed);
    }
  }
}
