package city.hotline.intake.citizen;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Tries to read a ticket's progress, counted per ticket number and fixed window in intake's database, so every
 * replica counts together. A try is counted before it is checked (one atomic increment) and given back when it
 * matched, so two tries at once can never both slip in under the limit. Each count carries {@code forgetAt}, after
 * which the store's TTL index drops it (MongoDB's TTL monitor, and the embedded store's): guessed numbers do not
 * pile up.
 */
@Repository
class ProgressTries {
  private static final String TRIES = "tries";
  /** When a count may be dropped: the end of its window. */
  static final String FORGET_AT = "forgetAt";
  private final MongoCollection<Document> tries;

  ProgressTries(MongoDatabase database) {
    this.tries = database.getCollection("citizen_progress_tries");
    tries.createIndex(Indexes.ascending(FORGET_AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
  }

  /**
   * Counts one more try at {@code ticketId} in the window that started at {@code windowStart}.
   *
   * @return how many tries that window has had, this one included
   */
  int count(String ticketId, Instant windowStart, Instant windowEnd) {
    var update = Updates.combine(Updates.inc(TRIES, 1), Updates.setOnInsert(FORGET_AT, Date.from(windowEnd)));
    var options = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
    try {
      return tries.findOneAndUpdate(Filters.eq("_id", id(ticketId, windowStart)), update, options).getInteger(TRIES);
    } catch (MongoException e) {
      if (ErrorCategory.fromErrorCode(e.getCode()) != ErrorCategory.DUPLICATE_KEY) {
        throw e;
      }
      // another try created the count at the same moment: it exists now, so this increment finds it
      return tries.findOneAndUpdate(Filters.eq("_id", id(ticketId, windowStart)), update, options).getInteger(TRIES);
    }
  }

  /** A try that matched is not a wrong one: it is given back. */
  void giveBack(String ticketId, Instant windowStart) {
    tries.updateOne(Filters.eq("_id", id(ticketId, windowStart)), Updates.inc(TRIES, -1));
  }

  private static String id(String ticketId, Instant windowStart) {
    return ticketId + "|" + windowStart.toEpochMilli();
  }
}
