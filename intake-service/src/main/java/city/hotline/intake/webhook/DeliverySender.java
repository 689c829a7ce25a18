package city.hotline.intake.webhook;

import city.hotline.intake.partner.Partner;
import city.hotline.support.PeriodicTask;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * Sends what is due, every poll interval, on every replica. Only the first unfinished delivery of a chain (webhook and
 * ticket) is sent, and only by the replica whose guarded update claimed it (a lease longer than a request takes); the
 * next waits until it got a 2xx. A failure is tried again after a growing wait with jitter, and after
 * {@code give-up-after} it is parked, the later changes of its ticket behind it, until an admin redelivers them.
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
  private final Clock clock;
  /** Receivers compare the signed timestamp with their own clock: it is real time, even while a seed runs the clock fast. */
  private final Clock wallClock = Clock.systemUTC();
  private final String replica = UUID.randomUUID().toString();
  private final ExecutorService pool;
  private final Counter delivered;
  private final Counter retried;
  private final Counter parked;

  DeliverySender(DeliveryRepository deliveries, SubscriptionRepository webhooks,
      Function<String, Optional<Partner>> partners, HttpClient http, JsonMapper json, WebhookSettings settings,
      Backoff backoff, Clock clock, MeterRegistry registry) {
    super("webhook-sender", settings.pollInterval(), "webhook deliveries cannot be read or written, none is sent");
    this.deliveries = deliveries;
    this.webhooks = webhooks;
    this.partners = partners;
    this.http = http;
    this.json = json;
    this.settings = settings;
    this.backoff = backoff;
    this.clock = clock;
    this.pool = Executors.newFixedThreadPool(settings.senders(), r -> {
      Thread thread = new Thread(r, "webhook-send");
      thread.setDaemon(true);
      return thread;
    });
    this.delivered = attempts(registry, "delivered", "answered 2xx");
    this.retried = attempts(registry, "retried", "failed, tried again later");
    this.parked = attempts(registry, "parked", "failed and given up: parked for an admin");
  }

  private static Counter attempts(MeterRegistry registry, String outcome, String description) {
    return Counter.builder(ATTEMPTS).tag("outcome", outcome).description("Webhook delivery attempts that " + description)
        .register(registry);
  }

  /** Each due delivery on a sender thread of its own; the pass ends when all of them have. */
  @Override
  protected void runOnce() throws InterruptedException, ExecutionException {
    List<Future<?>> sending = new ArrayList<>();
    for (Delivery due : deliveries.due(clock.instant(), settings.batchSize())) {
      sending.add(pool.submit(() -> attempt(due)));
    }
    for (Future<?> one : sending) {
      one.get();
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
    if (webhook.isEmpty()) {
      deliveries.cancel(due.id(), "webhook deleted");
      return;
    }
    if (partners.apply(webhook.get().partnerId()).filter(p -> !p.revoked()).isEmpty()) {
      deliveries.cancel(due.id(), "partner revoked");
      return;
    }
    Instant now = clock.instant();
    if (deliveries.claim(due.id(), replica, now, now.plus(settings.lease()))) {
      try {
        send(due, webhook.get());
      } catch (InterruptedException e) { // shutting down: the lease runs out and a replica sends it again
        Thread.currentThread().interrupt();
      }
    }
  }

  /** Behind a parked one it is parked too; behind a pending one it waits until that one is due. */
  private void waitBehind(Delivery due, Delivery head) {
    if (head.state() == DeliveryState.PARKED) {
      deliveries.parkBehind(due.id(), head.id(), clock.instant());
    } else {
      deliveries.waitBehind(due.id(), head.nextAttemptAt());
    }
  }

  private void send(Delivery delivery, Subscription webhook) throws InterruptedException {
    String error = post(delivery, webhook);
    Instant now = clock.instant();
    boolean held;
    if (error == null) {
      held = deliveries.delivered(delivery.id(), replica, now);
      delivered.increment();
    } else {
      int attempts = delivery.attempts() + 1;
      Instant first = delivery.firstAttemptAt() == null ? now : delivery.firstAttemptAt();
      if (now.isBefore(first.plus(settings.giveUpAfter()))) {
        held = deliveries.failed(delivery.id(), replica, attempts, first, now.plus(backoff.after(attempts)), error);
        retried.increment();
        log.info("webhook delivery failed, tried again later: ticketId={} webhook={} delivery={} attempt={} error={}",
            delivery.ticketId(), webhook.id(), delivery.id(), attempts, error);
      } else {
        held = deliveries.parked(delivery.id(), replica, attempts, first, now, error);
        parked.increment();
        log.warn("webhook delivery parked after {} attempts since {}: ticketId={} webhook={} delivery={} error={}",
            attempts, first, delivery.ticketId(), webhook.id(), delivery.id(), error);
      }
    }
    if (!held) {
      log.info("webhook delivery {} was taken over or cancelled while it was sent; its outcome is not recorded",
          delivery.id());
    }
  }

  /** @return null when the receiver answered 2xx, else what went wrong (never the receiver's body) */
  private String post(Delivery delivery, Subscription webhook) throws InterruptedException {
    String body = json.writeValueAsString(delivery.payload());
    long timestamp = wallClock.instant().getEpochSecond();
    HttpRequest request = HttpRequest.newBuilder(URI.create(webhook.url()))
        .timeout(settings.requestTimeout())
        .header("Content-Type", "application/json; charset=utf-8")
        .header(DELIVERY_HEADER, delivery.id())
        .header(TIMESTAMP_HEADER, Long.toString(timestamp))
        .header(SIGNATURE_HEADER, Signature.sign(webhook.secret(), timestamp, body))
        .POST(HttpRequest.BodyPublishers.ofString(body))
        .build();
    try {
      int status = http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode();
      return status / STATUS_CLASS == SUCCESS_CLASS ? null : "HTTP " + status;
    } catch (IOException e) {
      return e.getClass().getSimpleName();
    }
  }

  /** Stops the passes and the sender threads (the context closes). */
  void close() {
    stop();
    pool.shutdownNow();
  }
}
