package city.hotline.feedback.notification;

import city.hotline.support.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Whom each ticket's texts go to ({@code sms_recipients}, by ticket) and the numbers that replied TD (退订) to stop
 * all texts ({@code sms_opt_outs}, by the number's keyed hash: the list never holds a number).
 */
@Repository
class RecipientRepository {
  static final String RECIPIENTS = "sms_recipients";
  static final String OPT_OUTS = "sms_opt_outs";
  private static final String ID = "_id";

  private final MongoCollection<Recipient> recipients;
  private final MongoCollection<Document> optOuts;

  RecipientRepository(MongoDatabase database) {
    this.recipients = database.getCollection(RECIPIENTS, Recipient.class);
    this.optOuts = database.getCollection(OPT_OUTS);
    recipients.createIndex(Indexes.ascending(Recipient.NOTED_AT)); // the purge
  }

  /** As registered; a redelivered registration changes nothing (nor brings back a number dropped at closing). */
  void note(Recipient recipient) {
    Inserts.insertIfAbsent(recipients, recipient);
  }

  /** The case is closed, its last text done: the caller's number is no longer needed (later texts find none). */
  void dropPhone(String ticketId) {
    recipients.updateOne(Filters.eq(ID, ticketId), Updates.unset(Recipient.PHONE));
  }

  /** Deletes whom the texts of calls registered before {@code before} went to. */
  void purge(Instant before) {
    recipients.deleteMany(Filters.lt(Recipient.NOTED_AT, before));
  }

  Optional<Recipient> find(String ticketId) {
    return Optional.ofNullable(recipients.find(Filters.eq(ID, ticketId)).first());
  }

  /** The number (as its hash) wants no more texts; the first opt-out's time is kept. */
  void optOut(String phoneHash, Instant at) {
    optOuts.updateOne(Filters.eq(ID, phoneHash), Updates.setOnInsert("at", at), new UpdateOptions().upsert(true));
  }

  boolean optedOut(String phoneHash) {
    return optOuts.find(Filters.eq(ID, phoneHash)).first() != null;
  }
}
