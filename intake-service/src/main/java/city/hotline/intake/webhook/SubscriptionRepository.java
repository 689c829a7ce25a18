package city.hotline.intake.webhook;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
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

  /** @return false when the partner has no such webhook */
  boolean delete(String partnerId, String id) {
    return webhooks.deleteOne(Filters.and(Filters.eq(Subscription.ID, id),
        Filters.eq(Subscription.PARTNER_ID, partnerId))).getDeletedCount() > 0;
  }
}
