package city.hotline.intake.webhook;

import city.hotline.support.mongo.Inserts;
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
import org.bson.conversions.Bson;

/**
 * The deliveries. Every change of one is one single-document update guarded by the state it was decided on: a sending
 * replica's by its lease as well, so a replica whose lease ran out (and another took over) changes nothing.
 */
class DeliveryRepository {
  static final String COLLECTION = "webhook_deliveries";
  /** The order of a chain: the registration first, then the time of the change, the lifecycle's order, its id. */
  private static final Bson CHAIN_ORDER = Sorts.ascending(Delivery.STAGE, Delivery.OCCURRED_AT, Delivery.RANK,
      Delivery.CHANGE_ID);
  private static final Bson UNFINISHED = Filters.in(Delivery.STATE, DeliveryState.PENDING, DeliveryState.PARKED);
  private static final Bson FINISHED = Filters.in(Delivery.STATE, DeliveryState.DELIVERED, DeliveryState.CANCELLED);

  private final MongoCollection<Delivery> deliveries;

  DeliveryRepository(MongoDatabase database) {
    this.deliveries = database.getCollection(COLLECTION, Delivery.class);
    deliveries.createIndex(Indexes.ascending(Delivery.STATE, Delivery.NEXT_ATTEMPT_AT)); // what is due
    deliveries.createIndex(Indexes.ascending(Delivery.WEBHOOK_ID, Delivery.TICKET_ID, Delivery.STAGE,
        Delivery.OCCURRED_AT, Delivery.RANK, Delivery.CHANGE_ID)); // a chain, in its order
    deliveries.createIndex(Indexes.ascending(Delivery.STATE, Delivery.PARKED_AT)); // the admins' list
    deliveries.createIndex(Indexes.ascending(Delivery.PARTNER_ID, Delivery.STATE)); // a revoked partner's
    deliveries.createIndex(Indexes.ascending(Delivery.STATE, Delivery.FINISHED_AT)); // the purge
    deliveries.createIndex(Indexes.ascending(Delivery.STATE, Delivery.CREATED_AT)); // the oldest pending
  }

  /** @return false when this change was given to this webhook already */
  boolean insertIfAbsent(Delivery delivery) {
    return Inserts.insertIfAbsent(deliveries, delivery);
  }

  Optional<Delivery> find(String id) {
    return Optional.ofNullable(deliveries.find(Filters.eq(Delivery.ID, id)).first());
  }

  /** Pending deliveries whose time has come, soonest first. */
  List<Delivery> due(Instant now, int limit) {
    return deliveries.find(Filters.and(Filters.eq(Delivery.STATE, DeliveryState.PENDING),
            Filters.lte(Delivery.NEXT_ATTEMPT_AT, now)))
        .sort(Sorts.ascending(Delivery.NEXT_ATTEMPT_AT)).limit(limit).into(new ArrayList<>());
  }

  /** The first unfinished delivery of a webhook's chain for a ticket: the only one that may be sent. */
  Optional<Delivery> head(String webhookId, String ticketId) {
    return Optional.ofNullable(deliveries.find(chain(webhookId, ticketId, UNFINISHED)).sort(CHAIN_ORDER).first());
  }

  /** Whether the chain has its registration, in whatever state (delivered ones included). */
  boolean hasRegistration(String webhookId, String ticketId) {
    return deliveries.find(chain(webhookId, ticketId, Filters.eq(Delivery.STAGE, 0))).first() != null;
  }

  /** The parked deliveries of a chain, in order. */
  List<Delivery> parkedChain(String webhookId, String ticketId) {
    return deliveries.find(chain(webhookId, ticketId, Filters.eq(Delivery.STATE, DeliveryState.PARKED)))
        .sort(CHAIN_ORDER).into(new ArrayList<>());
  }

  /** Not due before then (the chain's first is not, or the registration is awaited): not looked at until then. */
  void waitBehind(String id, Instant until) {
    deliveries.updateOne(pending(id), Updates.set(Delivery.NEXT_ATTEMPT_AT, until));
  }

  /** Parked because the chain's first is. */
  void parkBehind(String id, String headId, Instant at) {
    deliveries.updateOne(pending(id), Updates.combine(Updates.set(Delivery.STATE, DeliveryState.PARKED),
        Updates.set(Delivery.PARKED_AT, at), Updates.set(Delivery.PARKED_BEHIND, headId)));
  }

  /**
   * Takes a due pending delivery for this replica until the lease ends. Its first attempt's time is set by the first
   * claim and kept by later ones, whichever replica makes them.
   *
   * @param now the service's time (what {@code nextAttemptAt} and the give-up time are on)
   * @param realNow the real time the lease is on (the service clock may run fast while a seed catches up)
   * @return the delivery as claimed (its attempts so far as stored now), empty when another replica holds it, or it is
   *     no longer pending or due
   */
  Optional<Delivery> claim(String id, String owner, Instant now, Instant realNow, Instant leaseUntil) {
    return Optional.ofNullable(deliveries.findOneAndUpdate(Filters.and(pending(id),
            Filters.lte(Delivery.NEXT_ATTEMPT_AT, now),
            Filters.or(Filters.eq(Delivery.LEASE_UNTIL, null), Filters.lte(Delivery.LEASE_UNTIL, realNow))),
        Updates.combine(Updates.set(Delivery.LEASE_OWNER, owner), Updates.set(Delivery.LEASE_UNTIL, leaseUntil),
            Updates.set(Delivery.LAST_ATTEMPT_AT, now), Updates.min(Delivery.FIRST_ATTEMPT_AT, now)),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
  }

  /** @return false when this replica no longer held it */
  boolean delivered(String id, String owner, Instant at) {
    return deliveries.updateOne(leased(id, owner), Updates.combine(Updates.set(Delivery.STATE, DeliveryState.DELIVERED),
        Updates.set(Delivery.DELIVERED_AT, at), Updates.set(Delivery.FINISHED_AT, at),
        Updates.unset(Delivery.LEASE_UNTIL), Updates.unset(Delivery.LEASE_OWNER))).getModifiedCount() > 0;
  }

  /** A failed attempt, tried again at {@code next}. @return false when this replica no longer held it */
  boolean failed(String id, String owner, int attempts, Instant next, String error) {
    return deliveries.updateOne(leased(id, owner), Updates.combine(failure(attempts, error),
        Updates.set(Delivery.NEXT_ATTEMPT_AT, next))).getModifiedCount() > 0;
  }

  /** A failed attempt after which it is given up. @return false when this replica no longer held it */
  boolean parked(String id, String owner, int attempts, Instant at, String error) {
    return deliveries.updateOne(leased(id, owner), Updates.combine(failure(attempts, error),
        Updates.set(Delivery.STATE, DeliveryState.PARKED), Updates.set(Delivery.PARKED_AT, at)))
        .getModifiedCount() > 0;
  }

  /** Never to be sent, with the reason. */
  void cancel(String id, String reason, Instant at) {
    deliveries.updateOne(Filters.and(Filters.eq(Delivery.ID, id), UNFINISHED), cancelled(reason, at));
  }

  /** A deleted webhook's unfinished deliveries, each cancelled on its own while it is still unfinished. */
  void cancelAllOf(String webhookId, String reason, Instant at) {
    deliveries.updateMany(Filters.and(Filters.eq(Delivery.WEBHOOK_ID, webhookId), UNFINISHED), cancelled(reason, at));
  }

  /** A revoked partner's unfinished deliveries (parked ones too: they would never come due). @return how many */
  long cancelAllOfPartner(String partnerId, String reason, Instant at) {
    return deliveries.updateMany(Filters.and(Filters.eq(Delivery.PARTNER_ID, partnerId), UNFINISHED),
        cancelled(reason, at)).getModifiedCount();
  }

  /** The partners that have deliveries still to send or parked. */
  List<String> partnersWithUnfinished() {
    return deliveries.distinct(Delivery.PARTNER_ID, UNFINISHED, String.class).into(new ArrayList<>());
  }

  /** Delivered and cancelled deliveries finished before then, removed. @return how many */
  long purgeFinishedBefore(Instant before) {
    return deliveries.deleteMany(Filters.and(FINISHED, Filters.lt(Delivery.FINISHED_AT, before))).getDeletedCount();
  }

  /** When the oldest pending delivery was queued, if any is pending. */
  Optional<Instant> oldestPendingSince() {
    return Optional.ofNullable(deliveries.find(Filters.eq(Delivery.STATE, DeliveryState.PENDING))
        .sort(Sorts.ascending(Delivery.CREATED_AT)).first()).map(Delivery::createdAt);
  }

  /**
   * Pending again from now, as if new (its attempts and give-up time start over).
   *
   * @return false when it is no longer parked (redelivered by another request)
   */
  boolean requeue(String id, Instant now) {
    return deliveries.updateOne(Filters.and(Filters.eq(Delivery.ID, id), Filters.eq(Delivery.STATE,
            DeliveryState.PARKED)),
        Updates.combine(Updates.set(Delivery.STATE, DeliveryState.PENDING), Updates.set(Delivery.NEXT_ATTEMPT_AT, now),
            Updates.set(Delivery.ATTEMPTS, 0), Updates.unset(Delivery.FIRST_ATTEMPT_AT),
            Updates.unset(Delivery.PARKED_AT), Updates.unset(Delivery.PARKED_BEHIND),
            Updates.unset(Delivery.LEASE_UNTIL), Updates.unset(Delivery.LEASE_OWNER))).getModifiedCount() > 0;
  }

  /** One page of the parked deliveries, the longest parked first. */
  List<Delivery> parked(int page, int size) {
    return deliveries.find(Filters.eq(Delivery.STATE, DeliveryState.PARKED))
        .sort(Sorts.ascending(Delivery.PARKED_AT, Delivery.ID)).skip(page * size).limit(size).into(new ArrayList<>());
  }

  long count(DeliveryState state) {
    return deliveries.countDocuments(Filters.eq(Delivery.STATE, state));
  }

  private static Bson chain(String webhookId, String ticketId, Bson state) {
    return Filters.and(Filters.eq(Delivery.WEBHOOK_ID, webhookId), Filters.eq(Delivery.TICKET_ID, ticketId), state);
  }

  private static Bson pending(String id) {
    return Filters.and(Filters.eq(Delivery.ID, id), Filters.eq(Delivery.STATE, DeliveryState.PENDING));
  }

  private static Bson leased(String id, String owner) {
    return Filters.and(pending(id), Filters.eq(Delivery.LEASE_OWNER, owner));
  }

  private static Bson failure(int attempts, String error) {
    return Updates.combine(Updates.set(Delivery.ATTEMPTS, attempts), Updates.set(Delivery.LAST_ERROR, error),
        Updates.unset(Delivery.LEASE_UNTIL), Updates.unset(Delivery.LEASE_OWNER));
  }

  private static Bson cancelled(String reason, Instant at) {
    return Updates.combine(Updates.set(Delivery.STATE, DeliveryState.CANCELLED), Updates.set(Delivery.LAST_ERROR, reason),
        Updates.set(Delivery.FINISHED_AT, at), Updates.unset(Delivery.LEASE_UNTIL), Updates.unset(Delivery.LEASE_OWNER));
  }
}
