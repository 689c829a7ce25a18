package city.hotline.feedback.notification;

import city.hotline.support.PeriodicTask;
import java.time.Clock;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Deletes, {@code hotline.sms.keep} after, the texts that ended (sent, skipped, failed: they hold the unit's answer),
 * the centre's delivery receipts, and whom each ticket's texts went to (the caller's number): personal data is kept
 * no longer than needed. Every replica may run it; deleting the same twice is harmless.
 */
@Component
class SmsPurge extends PeriodicTask {
  private static final Logger log = LoggerFactory.getLogger(SmsPurge.class);

  private final TextRepository texts;
  private final RecipientRepository recipients;
  private final SmsSettings settings;
  private final Clock clock;

  SmsPurge(TextRepository texts, RecipientRepository recipients, SmsSettings settings, Clock clock) {
    super("sms-purge", settings.purgeInterval(), "sms purge failed, old texts stay until the next pass");
    this.texts = texts;
    this.recipients = recipients;
    this.settings = settings;
    this.clock = clock;
  }

  @Override
  protected void runOnce() {
    Instant before = clock.instant().minus(settings.keep());
    long deleted = texts.purge(before);
    recipients.purge(before);
    if (deleted > 0) {
      log.info("sms purge deleted {} texts ended before {}", deleted, before);
    }
  }
}
