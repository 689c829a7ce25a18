package city.hotline.intake.webhook;

import city.hotline.intake.partner.Partner;
import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.mongo.Counters;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import org.bson.Document;

/**
 * What an admin does with webhooks: subscribe a partner (the secret shown once), rotate a webhook's secret, list and
 * delete its webhooks, list the parked deliveries and queue a parked chain again. Ids WK0001, … from a counter, so replicas never hand out one twice.
 */
class Webhooks {
  private static final String COUNTER = "webhook";
  /** A parked chain a sender is parking more of meanwhile is read again, this often at most. */
  private static final int REDELIVER_ROUNDS = 5;

  private final SubscriptionRepository webhooks;
  private final DeliveryRepository deliveries;
  private final Function<String, Optional<Partner>> partners;
  private final ReferenceData reference;
  private final MongoCollection<Document> counters;
  private final boolean httpsOnly;
  private final WebhookTarget target;
  private final Duration secretOverlap;
  private final Clock clock;

  Webhooks(SubscriptionRepository webhooks, DeliveryRepository deliveries, Function<String, Optional<Partner>> partners,
      ReferenceData reference, MongoDatabase database, WebhookSettings settings, Clock clock) {
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.partners = partners;
    this.reference = reference;
    this.counters = database.getCollection("webhook_counters");
    this.httpsOnly = settings.httpsOnly();
    this.target = new WebhookTarget(settings.allowedNetworks());
    this.secretOverlap = settings.secretOverlap();
    this.clock = clock;
  }

  /**
   * A new webhook of an active partner, hearing of changes from now on.
   *
   * @throws ApiException 404 for an unknown partner, 409 for a revoked one, 400 naming each field that breaks a rule
   *     (a url whose host resolves to an address intake must not post to among them)
   */
  Subscription subscribe(String partnerId, SubscriptionRequest request) {
    Partner partner = partner(partnerId);
    if (partner.revoked()) {
      throw ApiException.conflict("partner " + partnerId + " is revoked; a revoked partner gets no webhooks",
          Map.of("revoked", true));
    }
    List<FieldProblem> problems = request.problems(reference, httpsOnly);
    if (problems.stream().noneMatch(p -> p.field().equals("url"))) {
      target.problem(request.uri()).ifPresent(rule -> problems.add(0, new FieldProblem("url", rule)));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    Subscription webhook = new Subscription(String.format("WK%04d", Counters.next(counters, COUNTER)), partnerId,
        request.url().strip(), request.scopeValue(), SubscriptionRequest.orNull(request.category()),
        SubscriptionRequest.orNull(request.district()), Signature.newSecret(), clock.instant(), null, null);
    webhooks.insert(webhook);
    return webhook;
  }

  List<Subscription> of(String partnerId) {
    partner(partnerId);
    return webhooks.ofPartner(partnerId);
  }

  /** Deleted, with what it had still to send. */
  void delete(String partnerId, String webhookId) {
    partner(partnerId);
    if (!webhooks.delete(partnerId, webhookId)) {
      throw ApiException.notFound("webhook", webhookId + " of partner " + partnerId);
    }
    deliveries.cancelAllOf(webhookId, "webhook deleted", clock.instant());
  }

  /**
   * A new secret for a webhook, shown this once; the old one still signs alongside it for secret-overlap (real time),
   * so nothing is lost while the partner switches its receiver over.
   *
   * @throws ApiException 404 for an unknown partner or webhook, 409 when it was rotated by another request meanwhile
   */
  Subscription rotateSecret(String partnerId, String webhookId) {
    partner(partnerId);
    Subscription webhook = webhooks.find(webhookId).filter(w -> w.partnerId().equals(partnerId))
        .orElseThrow(() -> ApiException.notFound("webhook", webhookId + " of partner " + partnerId));
    return webhooks.rotate(webhook, Signature.newSecret(), Instant.now().plus(secretOverlap))
        .orElseThrow(() -> ApiException.conflict("webhook " + webhookId + " was changed meanwhile; try again",
            Map.of("webhookId", webhookId)));
  }

  List<Delivery> parked(int page, int size) {
    return deliveries.parked(page, size);
  }

  long parkedCount() {
    return deliveries.count(DeliveryState.PARKED);
  }

  /**
   * 重发: the parked chain this delivery belongs to (it and those parked before and behind it on its ticket) is pending
   * again, sent in order from the first.
   *
   * @return the ids queued again, in the order they will be sent
   * @throws ApiException 404 for an unknown delivery, 409 for one that is not parked
   */
  List<String> redeliver(String deliveryId) {
    Delivery delivery = deliveries.find(deliveryId).orElseThrow(() -> ApiException.notFound("delivery", deliveryId));
    if (delivery.state() != DeliveryState.PARKED) {
      throw ApiException.conflict("delivery " + deliveryId + " is " + delivery.state() + "; only a parked one can be"
          + " redelivered", Map.of("state", delivery.state().name()));
    }
    List<String> queued = new ArrayList<>();
    // a sender may park one more behind the head while the chain is queued again: read it again until none is left
    for (int round = 0; round < REDELIVER_ROUNDS; round++) {
      List<Delivery> chain = deliveries.parkedChain(delivery.webhookId(), delivery.ticketId());
      if (chain.isEmpty()) {
        break;
      }
      for (Delivery parked : chain) {
        if (deliveries.requeue(parked.id(), clock.instant())) {
          queued.add(parked.id());
        }
      }
    }
    return queued;
  }

  private Partner partner(String partnerId) {
    return partners.apply(partnerId).orElseThrow(() -> ApiException.notFound("partner", partnerId));
  }
}
