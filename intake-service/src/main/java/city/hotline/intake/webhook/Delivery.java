package city.hotline.intake.webhook;

import city.hotline.intake.complaint.ComplaintStatus;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.UUID;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * One change of one ticket to be told to one webhook, and how its sending goes. Its id follows from the webhook and the
 * change, so the same event read twice makes no second delivery. The deliveries of one webhook and ticket form a
 * chain, sent one after the other: its registration (受理) first, then by when each change happened, a tie (one event's
 * two changes, or two events in the same instant) by the lifecycle's order of the statuses.
 *
 * @param stage 0 for the registration, 1 for every later change: a registration goes first even when another host's
 *     slow clock stamped a later change earlier
 * @param rank the lifecycle's order of its status (REGISTERED, DISPATCHED, …, CLOSED, MERGED), for ties
 * @param awaitsRegistration a later change of a ticket registered after the webhook was made: the webhook is to hear
 *     of the registration, so this waits for it (up to registration-wait) rather than go before it
 * @param statusNote the timeline's note without anything personal (none for a confidential caller)
 * @param attempts attempts that failed since it was last queued
 * @param nextAttemptAt not sent before then (settling, a backoff, or the wait behind the chain's first)
 * @param firstAttemptAt when its first attempt since it was last queued was made: it is parked giveUpAfter later;
 *     set by the claim of that attempt and never moved until it is queued again
 * @param lastError what the last failed attempt got: an HTTP status or the kind of error, never a body
 * @param leaseUntil a replica sending it holds it until then (real time); no other replica claims it meanwhile
 * @param finishedAt when it was delivered or cancelled: it is purged keep-finished later
 * @param parkedBehind the delivery it waits behind, when it was parked because that one was
 */
public record Delivery(
    @BsonId String id,
    @BsonProperty(Delivery.WEBHOOK_ID) String webhookId,
    @BsonProperty(Delivery.PARTNER_ID) String partnerId,
    @BsonProperty(Delivery.TICKET_ID) String ticketId,
    @BsonProperty(Delivery.CHANGE_ID) String changeId,
    @BsonProperty(Delivery.OCCURRED_AT) Instant occurredAt,
    @BsonProperty(Delivery.STAGE) int stage,
    @BsonProperty(Delivery.RANK) int rank,
    @BsonProperty(Delivery.OUR_STATUS) ComplaintStatus ourStatus,
    boolean awaitsRegistration,
    String statusNote,
    String category,
    String district,
    @BsonProperty(Delivery.STATE) DeliveryState state,
    @BsonProperty(Delivery.ATTEMPTS) int attempts,
    @BsonProperty(Delivery.NEXT_ATTEMPT_AT) Instant nextAttemptAt,
    @BsonProperty(Delivery.FIRST_ATTEMPT_AT) Instant firstAttemptAt,
    @BsonProperty(Delivery.LAST_ATTEMPT_AT) Instant lastAttemptAt,
    @BsonProperty(Delivery.LAST_ERROR) String lastError,
    @BsonProperty(Delivery.LEASE_UNTIL) Instant leaseUntil,
    @BsonProperty(Delivery.LEASE_OWNER) String leaseOwner,
    @BsonProperty(Delivery.DELIVERED_AT) Instant deliveredAt,
    @BsonProperty(Delivery.PARKED_AT) Instant parkedAt,
    @BsonProperty(Delivery.PARKED_BEHIND) String parkedBehind,
    @BsonProperty(Delivery.FINISHED_AT) Instant finishedAt,
    @BsonProperty(Delivery.CREATED_AT) Instant createdAt) {

  static final String ID = "_id";
  static final String WEBHOOK_ID = "webhookId";
  static final String PARTNER_ID = "partnerId";
  static final String TICKET_ID = "ticketId";
  static final String CHANGE_ID = "changeId";
  static final String OCCURRED_AT = "occurredAt";
  static final String STAGE = "stage";
  static final String RANK = "rank";
  static final String OUR_STATUS = "ourStatus";
  static final String STATE = "state";
  static final String ATTEMPTS = "attempts";
  static final String NEXT_ATTEMPT_AT = "nextAttemptAt";
  static final String FIRST_ATTEMPT_AT = "firstAttemptAt";
  static final String LAST_ATTEMPT_AT = "lastAttemptAt";
  static final String LAST_ERROR = "lastError";
  static final String LEASE_UNTIL = "leaseUntil";
  static final String LEASE_OWNER = "leaseOwner";
  static final String DELIVERED_AT = "deliveredAt";
  static final String PARKED_AT = "parkedAt";
  static final String PARKED_BEHIND = "parkedBehind";
  static final String FINISHED_AT = "finishedAt";
  static final String CREATED_AT = "createdAt";

  /**
   * A new delivery of this change to this webhook, first due once it has settled: {@code settle} after intake read it,
   * so a change of the same ticket read a little later from another topic can still go before it.
   */
  static Delivery of(Subscription webhook, PublicChange change, String statusNote, String category, String district,
      boolean awaitsRegistration, Instant now, Duration settle) {
    boolean registration = change.status() == ComplaintStatus.REGISTERED;
    return new Delivery(idOf(webhook.id(), change.changeId()), webhook.id(), webhook.partnerId(), change.ticketId(),
        change.changeId(), change.at(), registration ? 0 : 1, change.status().ordinal(), change.status(),
        !registration && awaitsRegistration, statusNote, category, district, DeliveryState.PENDING, 0, now.plus(settle), null, null,
        null, null, null, null, null, null, null, now);
  }

  /** The same webhook and change always make the same id. */
  static String idOf(String webhookId, String changeId) {
    return UUID.nameUUIDFromBytes((webhookId + "|" + changeId).getBytes(StandardCharsets.UTF_8)).toString();
  }

  /** What the receiver gets. */
  WebhookPayload payload() {
    return new WebhookPayload(id, webhookId, ticketId, PublicChange.open311Status(ourStatus), ourStatus.name(),
        statusNote, occurredAt.toString(), category, district);
  }
}
