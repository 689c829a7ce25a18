package city.hotline.intake.citizen;

import city.hotline.support.PeriodicTask;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Drops the page's counts whose window has ended, whatever the store: their TTL indexes do it on MongoDB and on the
 * embedded store since it runs a TTL monitor, but a store or setting without one would keep every unauthenticated
 * guess for good. Any replica may do it (a delete by the indexed {@code forgetAt}), so every one does.
 */
@Component
class CitizenPurge extends PeriodicTask {
  private static final Logger log = LoggerFactory.getLogger(CitizenPurge.class);

  private final ProgressTries tries;
  private final ReportsPerPhone reports;
  private final Clock clock;

  CitizenPurge(ProgressTries tries, ReportsPerPhone reports, CitizenSettings settings, Clock clock) {
    super("citizen-purge", settings.purgeEvery(), "the citizens' page cannot purge its ended counts, keeping them");
    this.tries = tries;
    this.reports = reports;
    this.clock = clock;
  }

  @Override
  protected void runOnce() {
    long dropped = tries.forgetEnded(clock.instant()) + reports.forgetEnded(clock.instant());
    log.debug("ended progress tries and report counts dropped: {}", dropped);
  }
}
