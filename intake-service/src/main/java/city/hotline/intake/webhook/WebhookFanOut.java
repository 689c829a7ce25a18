package city.hotline.intake.webhook;

import city.hotline.contracts.EventEnvelope;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.partner.Partner;
import city.hotline.support.kafka.EventNotYetApplicableException;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Turns each public change of a ticket into one delivery per webhook that hears of it; a revoked partner's webhooks
 * hear of nothing. A delivery's id follows from the webhook and the change, so an event read again adds nothing.
 */
class WebhookFanOut {
  private final SubscriptionRepository webhooks;
  private final DeliveryRepository deliveries;
  private final Function<String, Optional<Partner>> partners;
  private final Function<String, Optional<WorkOrder>> workOrders;
  private final Clock clock;
  private final Duration settle;

  WebhookFanOut(SubscriptionRepository webhooks, DeliveryRepository deliveries,
      Function<String, Optional<Partner>> partners, Function<String, Optional<WorkOrder>> workOrders, Clock clock,
      Duration settle) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.partners = partners;
    this.workOrders = workOrders;
    this.clock = clock;
    this.settle = settle;
  }

  /** @return how many new deliveries the event made */
  int accept(EventEnvelope<?> event) {
    List<PublicChange> changes = PublicChange.of(event);
    List<Subscription> all = changes.isEmpty() ? List.of() : webhooks.all();
    if (all.isEmpty()) {
      return 0;
    }
    // Only possible if intake's database was restored from an older backup (see ProgressListener): retried until
    // the work order is rewritten from intake's own topic.
    WorkOrder order = workOrders.apply(event.ticketId()).orElseThrow(() -> new EventNotYetApplicableException(
        "event " + event.eventType() + " for unknown ticket " + event.ticketId()));
    Map<String, Optional<Partner>> active = new HashMap<>();
    int made = 0;
    for (Subscription webhook : all) {
      Optional<Partner> partner = active.computeIfAbsent(webhook.partnerId(),
          id -> partners.apply(id).filter(p -> !p.revoked()));
      if (partner.isEmpty()) {
        continue;
      }
      // registered since the webhook was made: it is to hear of the registration, which its later changes wait for
      boolean registrationToCome = !order.registeredAt().isBefore(webhook.createdAt());
      for (PublicChange change : changes) {
        if (webhook.hears(change, order, partner.get()) && deliveries.insertIfAbsent(Delivery.of(webhook, change,
            change.publicNote(order), change.categoryOf(order), change.districtOf(order), registrationToCome,
            clock.instant(), settle))) {
          made++;
        }
      }
    }
    return made;
  }
}
