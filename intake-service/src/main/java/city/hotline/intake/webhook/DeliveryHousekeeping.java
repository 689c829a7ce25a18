package city.hotline.intake.webhook;

import city.hotline.intake.partner.Partner;
import city.hotline.support.PeriodicTask;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Every housekeeping interval: a revoked partner's deliveries still to send or parked are cancelled (parked ones never
 * come due, so the sender alone would leave them, and the parked gauge, standing forever), and delivered and
 * cancelled ones older than keep-finished are removed. Any replica may do it; both are idempotent.
 */
class DeliveryHousekeeping extends PeriodicTask {
  private static final Logger log = LoggerFactory.getLogger(DeliveryHousekeeping.class);

  private final DeliveryRepository deliveries;
  private final Function<String, Optional<Partner>> partners;
  private final WebhookSettings settings;
  private final Clock clock;

  DeliveryHousekeeping(DeliveryRepository deliveries, Function<String, Optional<Partner>> partners,
      WebhookSettings settings, Clock clock) {
    super("webhook-housekeeping", settings.housekeepingInterval(), "webhook housekeeping cannot reach the deliveries,"
        + " finished ones are kept and revoked partners' stay queued until it can");
    this.deliveries = deliveries;
    this.partners = partners;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  protected void runOnce() {
    Instant now = clock.instant();
    for (String partnerId : deliveries.partnersWithUnfinished()) {
      if (partners.apply(partnerId).filter(p -> !p.revoked()).isEmpty()) {
        long cancelled = deliveries.cancelAllOfPartner(partnerId, "partner revoked", now);
        log.info("webhook deliveries of revoked partner {} cancelled: {}", partnerId, cancelled);
      }
    }
    long purged = deliveries.purgeFinishedBefore(now.minus(settings.keepFinished()));
    if (purged > 0) {
      log.info("finished webhook deliveries older than {} removed: {}", settings.keepFinished(), purged);
    }
  }
}
