package city.hotline.intake.webhook;

import city.hotline.intake.partner.Partner;
import city.hotline.support.PeriodicTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what is due, every poll interval, on every replica. Only the first unfinished delivery of a chain (webhook and
 * ticket) is sent, and only by the replica whose guarded update claimed it (a lease longer than an exchange may take);
 * the next waits until it got a 2xx. A failure is tried again after a growing wait with jitter, and after
 * {@code give-up-after} it is parked, the later changes of its ticket behind it, until an admin redelivers them.
 *
 * <p>Each delivery is sent on a sender thread of its own ({@code senders} at once), and a pass does not wait for them:
 * a receiver that answers slowly or never holds one sender for at most the exchange's deadline, while the others go on
 * with every other partner. Only the status of an answer is read; its body is closed unread.
 */
class DeliverySender extends PeriodicTask {
  static final String ATTEMPTS = "hotline.webhooks.attempts";
  static final String DELIVERY_HEADER = "X-Hotline-Delivery";
  static final String TIMESTAMP_HEADER = "X-Hotline-Timestamp";
  static final String SIGNATURE_HEADER = "X-Hotline-Signature";
  private static final Logger log = LoggerFactory.getLogger(DeliverySender.class);
  private static final int SUCCESS_CLASS = 2;
  private static final int STATUS_CLASS = 100;

  private final DeliveryRepository deliveries;
  private final SubscriptionRepository webhooks;
  private final Function<String, Optional<Partner>> partners;
  private final HttpClient http;
  private final JsonMapper json;
  private final WebhookSettings settings;
  private final Backoff backoff;
  private final WebhookTarget target;
  private final Clock clock;
  /**
   * Real time, even while a seed runs the service clock fast: receivers compare the signed timestamp with their own
   * clock, and the lease guards a POST that takes real seconds.
   */
  private final Clock wallClock;
  private final String replica = UUID.randomUUID().toString();
  private final ExecutorService pool;
  private final Semaphore free;
  private final Set<String> inFlight = ConcurrentHashMap.newKeySet();
  private final MeterRegistry registry;

  DeliverySender(DeliveryRepository deliveries, SubscriptionRepository webhooks,
      Function<String, Optional<Partner>> partners, HttpClient http, JsonMapper json, WebhookSettings settings,
      Backoff backoff, Clock clock, Clock wallClock, MeterRegistry registry) {
    super("webhook-sender", settings.pollInterval(), "webhook deliveries cannot be read or written, none is sent");
    this.deliveries = deliveries;
    this.webhooks = webhooks;
    this.partners = partners;
    this.http = http;
    this.json = json;
    this.settings = settings;
    this.backoff = backoff;
    this.target = new WebhookTarget(settings.allowedNetworks());
    this.clock = clock;
    this.wallClock = wallClock;
    this.registry = registry;
    this.free = new Semaphore(settings.senders());
    this.pool = Executors.newFixedThreadPool(settings.senders(), r -> {
      Thread thread = new Thread(r, "webhook-send");
      thread.setDaemon(true);
      return thread;
    });
  }

  /** Hands each due delivery not already under way to a free sender, and returns: the next pass takes the rest. */
  @Override
  protected void runOnce() {
    for (Delivery due : deliveries.due(clock.instant(), settings.batchSize())) {
      if (!inFlight.add(due.id())) {
        continue;
      }
      if (!free.tryAcquire()) {
        inFlight.remove(due.id());
        return;
      }
      pool.execute(() -> {
        try {
          attempt(due);
        } catch (RuntimeException e) { // the store is away: the lease runs out and it is tried again
          log.warn("webhook delivery {} could not be attempted: {}", due.id(), e.toString());
        } finally {
          inFlight.remove(due.id());
          free.release();
        }
      });
    }
  }

  private void attempt(Delivery due) {
    Optional<Delivery> head = deliveries.head(due.webhookId(), due.ticketId());
    if (head.isEmpty()) {
      return; // delivered or cancelled meanwhile
    }
    if (!head.get().id().equals(due.id())) {
      waitBehind(due, head.get());
      return;
    }
    Optional<Subscription> webhook = webhooks.find(due.webhookId());
    Instant now = clock.instant();
    if (webhook.isEmpty()) {
      deliveries.cancel(due.id(), "webhook deleted", now);
      return;
    }
    if (partners.apply(webhook.get().partnerId()).filter(p -> !p.revoked()).isEmpty()) {
      deliveries.cancel(due.id(), "partner revoked", now);
      return;
    }
    if (awaitsRegistration(due, now)) {
      deliveries.waitBehind(due.id(), now.plus(settings.pollInterval())); // looked at again next pass
      return;
    }
    Instant realNow = wallClock.instant();
    Optional<Delivery> claimed = deliveries.claim(due.id(), replica, now, realNow, realNow.plus(settings.lease()));
    if (claimed.isPresent()) {
      try {
        send(claimed.get(), webhook.get());
      } catch (InterruptedException e) { // shutting down: the lease runs out and a replica sends it again
        Thread.currentThread().interrupt();
      }
    }
  }

  /** A later change whose registration is to come, not yet read, and not yet waited for as long as it may be. */
  private boolean awaitsRegistration(Delivery head, Instant now) {
    return head.awaitsRegistration() && now.isBefore(head.createdAt().plus(settings.registrationWait()))
        && !deliveries.hasRegistration(head.webhookId(), head.ticketId());
  }

  /**
   * Behind a parked one it is parked too (and queued again at once if the head was redelivered meanwhile); behind a
   * pending one it waits until that one is due, and at least a poll interval: the head's time is past while it is
   * being sent or about to be, and a follower due at it would come up in every pass at or before the head and take
   * the free senders from it (and from every other ticket) for good.
   */
  private void waitBehind(Delivery due, Delivery head) {
    if (head.state() == DeliveryState.PARKED) {
      deliveries.parkBehind(due.id(), head.id(), clock.instant());
      if (deliveries.find(head.id()).filter(h -> h.state() == DeliveryState.PARKED).isEmpty()) {
        deliveries.requeue(due.id(), clock.instant()); // an admin redelivered the chain while this was parked
      }
    } else {
      Instant nextLook = clock.instant().plus(settings.pollInterval());
      deliveries.waitBehind(due.id(), head.nextAttemptAt().isAfter(nextLook) ? head.nextAttemptAt() : nextLook);
    }
  }

  private void send(Delivery delivery, Subscription webhook) throws InterruptedException {
    String error = post(delivery, webhook);
    Instant now = clock.instant();
    String outcome;
    boolean held;
    if (error == null) {
      held = deliveries.delivered(delivery.id(), replica, now);
      outcome = "delivered";
    } else {
      int attempts = delivery.attempts() + 1;
      Instant first = delivery.firstAttemptAt() == null ? now : delivery.firstAttemptAt();
      if (now.isBefore(first.plus(settings.giveUpAfter()))) {
        held = deliveries.failed(delivery.id(), replica, attempts, now.plus(backoff.after(attempts)), error);
        outcome = "retried";
        log.info("webhook delivery failed, tried again later: ticketId={} webhook={} delivery={} attempt={} error={}",
            delivery.ticketId(), webhook.id(), delivery.id(), attempts, error);
      } else {
        held = deliveries.parked(delivery.id(), replica, attempts, now, error);
        outcome = "parked";
        log.warn("webhook delivery parked after {} attempts since {}: ticketId={} webhook={} delivery={} error={}",
            attempts, first, delivery.ticketId(), webhook.id(), delivery.id(), error);
      }
    }
    if (held) {
      attempts(outcome, webhook.partnerId()).increment();
    } else {
      log.info("webhook delivery {} was taken over or cancelled while it was sent; its outcome is not recorded",
          delivery.id());
    }
  }

  /** Counted per partner too (a few dozen at most), so a dashboard shows which partner fails. */
  private Counter attempts(String outcome, String partnerId) {
    return Counter.builder(ATTEMPTS).tag("outcome", outcome).tag("partner", partnerId)
        .description("Webhook delivery attempts by their outcome: delivered (2xx), retried later, parked for an admin")
        .register(registry);
  }

  /**
   * One bounded exchange: refused without connecting when the host resolves inward, given up after the deadline,
   * the answer's body closed unread.
   *
   * @return null when the receiver answered 2xx, else what went wrong (never the receiver's body, never where a refused
   *     address leads)
   */
  private String post(Delivery delivery, Subscription webhook) throws InterruptedException {
    CompletableFuture<HttpResponse<InputStream>> answer = null;
    try {
      URI url = URI.create(webhook.url());
      if (target.problem(url).isPresent()) {
        return WebhookTarget.NOT_ALLOWED;
      }
      answer = http.sendAsync(request(delivery, webhook, url), HttpResponse.BodyHandlers.ofInputStream());
      HttpResponse<InputStream> response = answer.get(settings.exchangeDeadline().toMillis(), TimeUnit.MILLISECONDS);
      response.body().close(); // never read: a receiver that trickles its body holds nobody
      int status = response.statusCode();
      return status / STATUS_CLASS == SUCCESS_CLASS ? null : "HTTP " + status;
    } catch (TimeoutException e) {
      answer.cancel(true);
      return "no answer in time";
    } catch (ExecutionException e) {
      return e.getCause() instanceof IOException ? e.getCause().getClass().getSimpleName()
          : "invalid request: " + e.getCause().getClass().getSimpleName();
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    } catch (RuntimeException e) { // a url or header the client refuses: a failure like any other, so it parks
      return "invalid request: " + e.getClass().getSimpleName();
    }
  }

  private HttpRequest request(Delivery delivery, Subscription webhook, URI url) {
    String body = json.writeValueAsString(delivery.payload());
    long timestamp = wallClock.instant().getEpochSecond();
    return HttpRequest.newBuilder(url)
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header(DELIVERY_HEADER, delivery.id())
        .header(TIMESTAMP_HEADER, Long.toString(timestamp))
        .header(SIGNATURE_HEADER, Signature.sign(webhook.signingSecrets(wallClock.instant()), timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
  }

  /** Stops the passes and the sender threads (the context closes). */
  void close() {
    stop();
    pool.shutdownNow();
  }
}
