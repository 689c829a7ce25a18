package city.hotline.gateway.identity.throttle;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.bson.Document;

/**
 * The throttle's counts, one entry per account or address, in the gateway's database so that every
 * gateway replica counts together. Each entry carries {@code forgetAt}, after which it means
 * nothing; MongoDB drops it then, so guessed usernames do not pile up.
 */
final class ThrottleEntries {
  static final String FORGET_AT = "forgetAt";
  private final MongoCollection<Document> entries;

  ThrottleEntries(MongoDatabase gatewayDatabase) {
    this.entries = gatewayDatabase.getCollection("login_failures");
    entries.createIndex(Indexes.ascending(FORGET_AT), new IndexOptions().expireAfter(0L, TimeUnit.SECONDS));
  }

  /** The entry, or null. */
  Document find(String id) {
    return entries.find(Filters.eq("_id", id)).first();
  }

  /**
   * Writes {@code next} only if the entry is still {@code seen} (null: still absent). False when
   * another attempt, here or on another replica, changed it first: read again and recount, so no
   * count is lost and no two attempts both slip in under a limit.
   */
  boolean replace(Document seen, Document next) {
    if (seen == null) {
      try {
        entries.insertOne(next);
        return true;
      } catch (MongoWriteException e) {
        if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
          return false;
        }
        throw e;
      }
    }
    var unchanged = Filters.and(seen.entrySet().stream().map(field -> Filters.eq(field.getKey(), field.getValue())).toList());
    return entries.replaceOne(unchanged, next).getMatchedCount() == 1;
  }

  /** How long until {@code end}, or empty once it has passed. */
  static Optional<Duration> until(Instant now, Instant end) {
    return now.isBefore(end) ? Optional.of(Duration.between(now, end)) : Optional.empty();
  }

  void delete(String id) {
    entries.deleteOne(Filters.eq("_id", id));
  }
}
