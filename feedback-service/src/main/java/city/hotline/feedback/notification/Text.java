package city.hotline.feedback.notification;

import java.time.Instant;
import java.util.List;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * One text (短信) in the outbox, {@code sms_texts}, keyed by the event it is about, so an event read twice is one
 * text. Holds no phone number and no rendered body: both are looked up when it is sent (the number may have
 * opted out meanwhile, and a rating link is issued only then, so no usable link is ever stored).
 *
 * @param answer the unit's reply, for a RESOLVED text
 * @param dueAt when it may be claimed: at once, after a retry's pause, or when its claim's lease runs out
 * @param claim the current claim (a random id), so only the sender that claimed it records the outcome
 * @param attempts failed attempts to send it so far
 * @param messageIds what the SMS centre answered, one per segment
 * @param createdAt when the event it is about happened (the wait limit counts from it)
 * @param endedAt when it was sent, skipped or given up: it is deleted {@code hotline.sms.keep} after
 * @param reason why it was skipped or failed, or what it waits for
 */
public record Text(
    @BsonId String id,
    @BsonProperty(Text.TICKET_ID) String ticketId,
    @BsonProperty(Text.KIND) TextKind kind,
    @BsonProperty(Text.STATE) TextState state,
    @BsonProperty(Text.ANSWER) String answer,
    @BsonProperty(Text.CREATED_AT) Instant createdAt,
    @BsonProperty(Text.DUE_AT) Instant dueAt,
    @BsonProperty(Text.CLAIM) String claim,
    @BsonProperty(Text.ATTEMPTS) int attempts,
    @BsonProperty(Text.MESSAGE_IDS) List<String> messageIds,
    @BsonProperty(Text.SENT_AT) Instant sentAt,
    @BsonProperty(Text.ENDED_AT) Instant endedAt,
    @BsonProperty(Text.REASON) String reason) {

  static final String TICKET_ID = "ticketId";
  static final String KIND = "kind";
  static final String STATE = "state";
  static final String ANSWER = "answer";
  static final String CREATED_AT = "createdAt";
  static final String DUE_AT = "dueAt";
  static final String CLAIM = "claim";
  static final String ATTEMPTS = "attempts";
  static final String MESSAGE_IDS = "messageIds";
  static final String SENT_AT = "sentAt";
  static final String ENDED_AT = "endedAt";
  static final String REASON = "reason";
  /** The reason of a text about an event older than {@code hotline.sms.max-event-age} when read. */
  static final String STALE = "STALE";

  public Text {
    messageIds = messageIds == null ? List.of() : messageIds;
  }

  /** A new text about this event (which happened at {@code occurredAt}), to be sent at once. */
  static Text pending(String eventId, String ticketId, TextKind kind, String answer, Instant occurredAt, Instant now) {
    return new Text(eventId, ticketId, kind, TextState.PENDING, answer, occurredAt, now, null, 0, List.of(), null, null,
        null);
  }

  /** A text about an event too old to text about now (read late: a new consumer group, a replay): kept as SKIPPED. */
  static Text stale(String eventId, String ticketId, TextKind kind, Instant occurredAt, Instant now) {
    return new Text(eventId, ticketId, kind, TextState.SKIPPED, null, occurredAt, now, null, 0, List.of(), null, now,
        STALE);
  }
}
