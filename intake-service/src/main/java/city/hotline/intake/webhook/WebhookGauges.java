package city.hotline.intake.webhook;

import city.hotline.support.PeriodicTask;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * How many deliveries wait to be sent and how many are parked for an admin
 * ({@code hotline_webhooks_deliveries{state="pending"|"parked"}}), read every metrics interval: a receiver that is
 * down shows as pending ones piling up a day before they park.
 */
class WebhookGauges extends PeriodicTask {
  static final String DELIVERIES = "hotline.webhooks.deliveries";
  private static final List<DeliveryState> SHOWN = List.of(DeliveryState.PENDING, DeliveryState.PARKED);

  private final DeliveryRepository deliveries;
  /** Held here: a gauge keeps only a weak reference to what it reads. */
  private final Map<DeliveryState, AtomicLong> counts = new EnumMap<>(DeliveryState.class);

  WebhookGauges(DeliveryRepository deliveries, WebhookSettings settings, MeterRegistry registry) {
    super("webhook-gauges", settings.metricsInterval(), "webhook-gauges cannot read the deliveries, its gauges keep"
        + " their last values until it can");
    this.deliveries = deliveries;
    for (DeliveryState state : SHOWN) {
      AtomicLong count = new AtomicLong();
      counts.put(state, count);
      Gauge.builder(DELIVERIES, count, AtomicLong::get).tag("state", state.name().toLowerCase())
          .description("Webhook deliveries in this state").register(registry);
    }
  }

  @Override
  protected void runOnce() {
    counts.forEach((state, count) -> count.set(deliveries.count(state)));
  }
}
