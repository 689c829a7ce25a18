package city.hotline.intake.webhook;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Partner webhooks ({@code hotline.webhooks.*}, defaults in intake's application.yml).
 *
 * @param enabled whether intake turns changes into deliveries and sends them (HOTLINE_WEBHOOKS_ENABLED); the admin
 *     API works either way
 * @param pollInterval how often each replica looks for deliveries that are due
 * @param batchSize how many due deliveries one pass takes
 * @param senders how many deliveries one replica sends at once
 * @param connectTimeout how long a connection to a receiver may take
 * @param requestTimeout how long a receiver may take to answer; no answer in time is a failure, retried
 * @param lease how long a replica holds a delivery it is sending: longer than a connection and an answer take, so
 *     no other replica sends it meanwhile
 * @param firstRetry the wait after the first failure; it doubles with each failure (with jitter) up to maxRetry
 * @param maxRetry the longest wait between two attempts
 * @param giveUpAfter how long after its first attempt a failing delivery is parked for an admin (and the later
 *     changes of its ticket behind it)
 * @param httpsOnly whether a webhook's url must be https
 * @param metricsInterval how often the pending and parked gauges are read
 */
@ConfigurationProperties("hotline.webhooks")
public record WebhookSettings(
    boolean enabled,
    Duration pollInterval,
    int batchSize,
    int senders,
    Duration connectTimeout,
    Duration requestTimeout,
    Duration lease,
    Duration firstRetry,
    Duration maxRetry,
    Duration giveUpAfter,
    boolean httpsOnly,
    Duration metricsInterval) {

  public WebhookSettings {
    if (lease.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
      throw new IllegalArgumentException("hotline.webhooks.lease (" + lease + ") must be longer than connect-timeout"
          + " and request-timeout together, or a slow receiver gets a delivery from two replicas");
    }
    if (firstRetry.compareTo(maxRetry) > 0) {
      throw new IllegalArgumentException("hotline.webhooks.first-retry must not be longer than max-retry");
    }
  }
}
