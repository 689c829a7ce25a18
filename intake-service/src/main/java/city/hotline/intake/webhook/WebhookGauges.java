package city.hotline.intake.webhook;

import city.hotline.support.PeriodicTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many deliveries wait to be sent and how many are parked for an admin
 * ({@code hotline_webhooks_deliveries{state="pending"|"parked"}}), and how long the oldest pending one has waited
 * ({@code hotline_webhooks_oldest_pending_seconds}), read every metrics interval: a receiver that is down shows as
 * pending ones piling up and ageing a day before they park. Every replica reads the same store, so alert on max().
 */
class WebhookGauges extends PeriodicTask {
  static final String DELIVERIES = "hotline.webhooks.deliveries";
  static final String OLDEST_PENDING = "hotline.webhooks.oldest.pending";
  private static final List<DeliveryState> SHOWN = List.of(DeliveryState.PENDING, DeliveryState.PARKED);

  private final DeliveryRepository deliveries;
  private final Clock clock;
  /** Held here: a gauge keeps only a weak reference to what it reads. */
  private final Map<DeliveryState, AtomicLong> counts = new EnumMap<>(DeliveryState.class);
  private final AtomicLong oldestPendingSeconds = new AtomicLong();

  WebhookGauges(DeliveryRepository deliveries, WebhookSettings settings, Clock clock, MeterRegistry registry) {
    super("webhook-gauges", settings.metricsInterval(), "webhook-gauges cannot read the deliveries, its gauges keep"
        + " their last values until it can");
    this.deliveries = deliveries;
    this.clock = clock;
    for (DeliveryState state : SHOWN) {
      AtomicLong count = new AtomicLong();
      counts.put(state, count);
      Gauge.builder(DELIVERIES, count, AtomicLong::get).tag("state", state.name().toLowerCase())
          .description("Webhook deliveries in this state").register(registry);
    }
    Gauge.builder(OLDEST_PENDING, oldestPendingSeconds, AtomicLong::get).baseUnit("seconds")
        .description("How long the oldest pending webhook delivery has waited since it was queued (0: none pending)")
        .register(registry);
  }

  @Override
  protected void runOnce() {
    counts.forEach((state, count) -> count.set(deliveries.count(state)));
    oldestPendingSeconds.set(deliveries.oldestPendingSince()
        .map(since -> Math.max(0, Duration.between(since, clock.instant()).toSeconds())).orElse(0L));
  }
}
