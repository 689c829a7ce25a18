package city.hotline.feedback.notification;

import city.hotline.support.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The texts' outbox ({@code sms_texts}) and the SMS centre's delivery receipts ({@code sms_receipts}, by message id:
 * a receipt may arrive before the text's message ids are written, so it is kept on its own). Every change of a text
 * is one update guarded on its claim.
 */
@Repository
class TextRepository {
  static final String TEXTS = "sms_texts";
  static final String RECEIPTS = "sms_receipts";
  private static final String ID = "_id";
  private static final List<TextState> UNSENT = List.of(TextState.PENDING, TextState.SENDING);
  private static final List<TextState> ENDED = List.of(TextState.SENT, TextState.SKIPPED, TextState.FAILED);
  private static final String RECEIPT_AT = "at";

  private final MongoCollection<Text> texts;
  private final MongoCollection<Document> receipts;

  TextRepository(MongoDatabase database) {
    this.texts = database.getCollection(TEXTS, Text.class);
    this.receipts = database.getCollection(RECEIPTS);
    // the sender's next text: pending or with a lapsed claim, due first
    texts.createIndex(Indexes.ascending(Text.STATE, Text.DUE_AT));
    // the oldest unsent (hotline_sms_oldest_pending_age) and the purge of ended texts
    texts.createIndex(Indexes.ascending(Text.STATE, Text.CREATED_AT));
    texts.createIndex(Indexes.ascending(Text.STATE, Text.ENDED_AT));
    receipts.createIndex(Indexes.ascending(RECEIPT_AT));
  }

  /** @return false when a text about this event is there already (the event was read before) */
  boolean add(Text text) {
    return Inserts.insertIfAbsent(texts, text);
  }

  Optional<Text> find(String id) {
    return Optional.ofNullable(texts.find(Filters.eq(ID, id)).first());
  }

  /**
   * Claims the text due first, a pending one or one whose claim lapsed (its sender died), for {@code lease}: no other
   * sender takes it meanwhile.
   */
  Optional<Text> claimNext(Instant now, Duration lease) {
    Bson due = Filters.and(Filters.in(Text.STATE, UNSENT), Filters.lte(Text.DUE_AT, now));
    Bson claim = Updates.combine(Updates.set(Text.STATE, TextState.SENDING), Updates.set(Text.DUE_AT, now.plus(lease)),
        Updates.set(Text.CLAIM, UUID.randomUUID().toString()));
    return Optional.ofNullable(texts.findOneAndUpdate(due, claim,
        new FindOneAndUpdateOptions().sort(Sorts.ascending(Text.DUE_AT)).returnDocument(ReturnDocument.AFTER)));
  }

  /** The SMS centre took it; false if the claim lapsed and another sender has it now. */
  boolean sent(Text claimed, List<String> messageIds, Instant at) {
    return update(claimed, Updates.combine(Updates.set(Text.STATE, TextState.SENT), Updates.set(Text.MESSAGE_IDS, messageIds),
        Updates.set(Text.SENT_AT, at), Updates.set(Text.ENDED_AT, at), Updates.unset(Text.REASON)));
  }

  /** Back to pending until {@code dueAt}, having failed {@code attempts} times, with what it waits for. */
  boolean later(Text claimed, Instant dueAt, int attempts, String reason) {
    return update(claimed, Updates.combine(Updates.set(Text.STATE, TextState.PENDING), Updates.set(Text.DUE_AT, dueAt),
        Updates.set(Text.ATTEMPTS, attempts), Updates.set(Text.REASON, reason)));
  }

  /** Ends it unsent: SKIPPED or FAILED, and why. */
  boolean end(Text claimed, TextState state, String reason, Instant at) {
    return update(claimed, Updates.combine(Updates.set(Text.STATE, state), Updates.set(Text.REASON, reason),
        Updates.set(Text.ENDED_AT, at)));
  }

  long countUnsent() {
    return texts.countDocuments(Filters.in(Text.STATE, UNSENT));
  }

  /** When the event of the oldest text not sent yet happened, if any is unsent. */
  Optional<Instant> oldestUnsent() {
    return Optional.ofNullable(texts.find(Filters.in(Text.STATE, UNSENT)).sort(Sorts.ascending(Text.CREATED_AT))
        .limit(1).first()).map(Text::createdAt);
  }

  /** Deletes the texts that ended and the receipts that came before {@code before}; how many texts went. */
  long purge(Instant before) {
    receipts.deleteMany(Filters.lt(RECEIPT_AT, before));
    return texts.deleteMany(Filters.and(Filters.in(Text.STATE, ENDED), Filters.lt(Text.ENDED_AT, before)))
        .getDeletedCount();
  }

  /** A delivery receipt (回执) for one message: its final state (DELIVRD, UNDELIV, …) and error code. */
  void receipt(String messageId, String state, String error, Instant at) {
    receipts.updateOne(Filters.eq(ID, messageId), Updates.combine(Updates.set("state", state),
        Updates.set("error", error), Updates.set(RECEIPT_AT, at)), new UpdateOptions().upsert(true));
  }

  /** The receipts' states of these messages, by message id (those without a receipt yet left out). */
  Map<String, String> receipts(List<String> messageIds) {
    Map<String, String> states = new HashMap<>();
    receipts.find(Filters.in(ID, messageIds)).forEach(r -> states.put(r.getString(ID), r.getString("state")));
    return states;
  }

  private boolean update(Text claimed, Bson change) {
    Bson stillMine = Filters.and(Filters.eq(ID, claimed.id()), Filters.eq(Text.STATE, TextState.SENDING),
        Filters.eq(Text.CLAIM, claimed.claim()));
    return texts.updateOne(stillMine, change).getModifiedCount() == 1;
  }
}
