package city.hotline.intake.webhook;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Partner webhooks ({@code hotline.webhooks.*}, defaults in intake's application.yml).
 *
 * @param enabled whether intake turns changes into deliveries and sends them (HOTLINE_WEBHOOKS_ENABLED); the admin
 *     API works either way
 * @param pollInterval how often each replica looks for deliveries that are due
 * @param batchSize how many due deliveries one look takes at most
 * @param senders how many deliveries one replica sends at once; a slow receiver holds one of them, never a pass
 * @param connectTimeout how long a connection to a receiver may take
 * @param requestTimeout how long a receiver may take to answer (its status; its body is never read); no answer in
 *     time is a failure, retried
 * @param lease how long a replica holds a delivery it is sending, on the real clock: longer than the whole exchange
 *     (connect-timeout + request-timeout, both bounded) plus the replicas' clock skew, so no other replica sends it
 *     meanwhile
 * @param firstRetry the wait after the first failure; it doubles with each failure (with jitter) up to maxRetry
 * @param maxRetry the longest wait between two attempts
 * @param giveUpAfter how long after its first attempt a failing delivery is parked for an admin (and the later
 *     changes of its ticket behind it)
 * @param settle how long after it happened a change is first sent: a change of the same ticket that happened earlier
 *     but is read later (another topic, a lagging consumer, a producer's slow clock) still goes first
 * @param registrationWait how long a ticket's later changes wait for its registration (受理) to be read, when the
 *     webhook is to hear of it; after that they go without it
 * @param httpsOnly whether a webhook's url must be https
 * @param allowedNetworks CIDR networks a webhook may point into although they are loopback, link-local, private or
 *     multicast (e.g. a partner on 10.20.0.0/16 of the 政务外网); everywhere else only public addresses
 * @param secretOverlap how long a rotated secret still signs deliveries alongside the new one
 * @param keepFinished how long delivered and cancelled deliveries are kept (a replay of the topics older than that
 *     queues them again: the same deliveryId, which receivers ignore)
 * @param housekeepingInterval how often finished deliveries are purged and a revoked partner's cancelled
 * @param metricsInterval how often the pending, parked and oldest-pending gauges are read
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
    Duration settle,
    Duration registrationWait,
    boolean httpsOnly,
    List<String> allowedNetworks,
    Duration secretOverlap,
    Duration keepFinished,
    Duration housekeepingInterval,
    Duration metricsInterval) {

  public WebhookSettings {
    allowedNetworks = allowedNetworks == null ? List.of()
        : allowedNetworks.stream().map(String::strip).filter(n -> !n.isEmpty()).toList();
    allowedNetworks.forEach(Network::parse); // a typo stops the start, not a partner's deliveries
    positive("poll-interval", pollInterval);
    positive("first-retry", firstRetry);
    positive("lease", lease);
    positive("housekeeping-interval", housekeepingInterval);
    positive("metrics-interval", metricsInterval);
    notNegative("give-up-after", giveUpAfter);
    notNegative("settle", settle);
    notNegative("registration-wait", registrationWait);
    notNegative("secret-overlap", secretOverlap);
    positive("keep-finished", keepFinished);
    if (batchSize < 1 || senders < 1) {
      throw new IllegalArgumentException("hotline.webhooks.batch-size and senders must be at least 1");
    }
    if (lease.compareTo(connectTimeout.plus(requestTimeout)) <= 0) {
      throw new IllegalArgumentException("hotline.webhooks.lease (" + lease + ") must be longer than connect-timeout"
          + " and request-timeout together, or a slow receiver gets a delivery from two replicas");
    }
    if (firstRetry.compareTo(maxRetry) > 0) {
      throw new IllegalArgumentException("hotline.webhooks.first-retry must not be longer than max-retry");
    }
  }

  /** How long one exchange with a receiver may take at most: the sender gives up on it then. */
  Duration exchangeDeadline() {
    return connectTimeout.plus(requestTimeout);
  }

  private static void positive(String name, Duration value) {
    if (value == null || value.isNegative() || value.isZero()) {
      throw new IllegalArgumentException("hotline.webhooks." + name + " must be longer than zero");
    }
  }

  private static void notNegative(String name, Duration value) {
    if (value == null || value.isNegative()) {
      throw new IllegalArgumentException("hotline.webhooks." + name + " must not be negative");
    }
  }
}
