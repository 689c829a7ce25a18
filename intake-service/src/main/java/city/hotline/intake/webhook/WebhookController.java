package city.hotline.intake.webhook;

import city.hotline.intake.web.QueryParameters;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The admins' webhooks of a partner, and the deliveries parked for them to look at (ADMIN, {@link WebhookAccess}). */
@RestController
@RequestMapping("/api/admin/partners")
class WebhookController {
  private static final int DEFAULT_PAGE_SIZE = 50;
  private static final int MAX_PAGE_SIZE = 200;

  private final Webhooks webhooks;

  WebhookController(Webhooks webhooks) {
    this.webhooks = webhooks;
  }

  /** A webhook as listed: never its secret. */
  record WebhookView(String id, String partnerId, String url, Scope scope, String category, String district,
      Instant createdAt) {
    static WebhookView of(Subscription w) {
      return new WebhookView(w.id(), w.partnerId(), w.url(), w.scope(), w.category(), w.district(), w.createdAt());
    }
  }

  /** The answer that carries the secret: the only time it is shown. */
  record CreatedWebhook(String id, String partnerId, String url, Scope scope, String category, String district,
      Instant createdAt, String secret) {
    static CreatedWebhook of(Subscription w) {
      return new CreatedWebhook(w.id(), w.partnerId(), w.url(), w.scope(), w.category(), w.district(), w.createdAt(),
          w.secret());
    }
  }

  /** A parked delivery as an admin sees it: what it tells and why it was given up. */
  record ParkedView(String deliveryId, String webhookId, String partnerId, String ticketId, String status,
      String ourStatus, Instant occurredAt, int attempts, Instant firstAttemptAt, Instant lastAttemptAt,
      String lastError, Instant parkedAt, String parkedBehind) {
    static ParkedView of(Delivery d) {
      return new ParkedView(d.id(), d.webhookId(), d.partnerId(), d.ticketId(),
          PublicChange.open311Status(d.ourStatus()), d.ourStatus().name(), d.occurredAt(), d.attempts(),
          d.firstAttemptAt(), d.lastAttemptAt(), d.lastError(), d.parkedAt(), d.parkedBehind());
    }
  }

  record ParkedPage(List<ParkedView> items, int page, int size, long total) {}

  record Redelivered(List<String> queued) {}

  @PostMapping("/{partnerId}/webhooks")
  @ResponseStatus(HttpStatus.CREATED)
  CreatedWebhook subscribe(@PathVariable String partnerId, @RequestBody SubscriptionRequest request) {
    return CreatedWebhook.of(webhooks.subscribe(partnerId, request));
  }

  /** A new secret, shown this once; the old one signs alongside it for hotline.webhooks.secret-overlap. */
  @PostMapping("/{partnerId}/webhooks/{webhookId}/secret")
  CreatedWebhook rotateSecret(@PathVariable String partnerId, @PathVariable String webhookId) {
    return CreatedWebhook.of(webhooks.rotateSecret(partnerId, webhookId));
  }

  @GetMapping("/{partnerId}/webhooks")
  List<WebhookView> list(@PathVariable String partnerId) {
    return webhooks.of(partnerId).stream().map(WebhookView::of).toList();
  }

  @DeleteMapping("/{partnerId}/webhooks/{webhookId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  void delete(@PathVariable String partnerId, @PathVariable String webhookId) {
    webhooks.delete(partnerId, webhookId);
  }

  /** The longest parked first. */
  @GetMapping("/webhooks/parked")
  ParkedPage parked(@RequestParam Map<String, String> params) {
    QueryParameters query = new QueryParameters(params);
    int page = query.number("page", 0, 0, Integer.MAX_VALUE / MAX_PAGE_SIZE);
    int size = query.number("size", DEFAULT_PAGE_SIZE, 1, MAX_PAGE_SIZE);
    query.done();
    return new ParkedPage(webhooks.parked(page, size).stream().map(ParkedView::of).toList(), page, size,
        webhooks.parkedCount());
  }

  @PostMapping("/webhooks/parked/{deliveryId}/redeliver")
  Redelivered redeliver(@PathVariable String deliveryId) {
    return new Redelivered(webhooks.redeliver(deliveryId));
  }
}
