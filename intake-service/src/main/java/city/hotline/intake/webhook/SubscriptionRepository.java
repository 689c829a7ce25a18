package city.hotline.intake.webhook;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The partners' webhooks; few, so every change of a ticket reads them all. */
class SubscriptionRepository {
  static final String COLLECTION = "webhook_subscriptions";

  private final MongoCollection<Subscription> webhooks;

  SubscriptionRepository(MongoDatabase database) {
    this.webhooks = database.getCollection(COLLECTION, Subscription.class);
    webhooks.createIndex(Indexes.ascending(Subscription.PARTNER_ID)); // an admin lists a partner's webhooks
  }

  void insert(Subscription webhook) {
    webhooks.insertOne(webhook);
  }

  Optional<Subscription> find(String id) {
    return Optional.ofNullable(webhooks.find(Filters.eq(Subscription.ID, id)).first());
  }

  List<Subscription> ofPartner(String partnerId) {
    return webhooks.find(Filters.eq(Subscription.PARTNER_ID, partnerId)).sort(Sorts.ascending(Subscription.ID))
        .into(new ArrayList<>());
  }

  List<Subscription> all() {
    return webhooks.find().into(new ArrayList<>());
  }

  /**
   * A new secret, the current one signing alongside it until then; guarded by the current one, so of two rotations at
   * once one wins and the other is told (false) rather than losing the secret it showed.
   *
   * @return the webhook as rotated, empty when the partner has no such webhook or it was rotated meanwhile
   */
  Optional<Subscription> rotate(Subscription webhook, String newSecret, Instant previousUntil) {
    return Optional.ofNullable(webhooks.findOneAndUpdate(Filters.and(Filters.eq(Subscription.ID, webhook.id()),
            Filters.eq(Subscription.PARTNER_ID, webhook.partnerId()), Filters.eq(Subscription.SECRET, webhook.secret())),
        Updates.combine(Updates.set(Subscription.SECRET, newSecret),
            Updates.set(Subscription.PREVIOUS_SECRET, webhook.secret()),
            Updates.set(Subscription.PREVIOUS_SECRET_UNTIL, previousUntil)),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
  }

  /** @return false when the partner has no such webhook */
  boolean delete(String partnerId, String id) {
    return webhooks.deleteOne(Filters.and(Filters.eq(Subscription.ID, id),
        Filters.eq(Subscription.PARTNER_ID, partnerId))).getDeletedCount() > 0;
  }
}
