package city.hotline.feedback.notification;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
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
  }

  /** As registered; a redelivered registration writes the same again. */
  void note(Recipient recipient) {
    recipients.replaceOne(Filters.eq(ID, recipient.ticketId()), recipient, new ReplaceOptions().upsert(true));
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
