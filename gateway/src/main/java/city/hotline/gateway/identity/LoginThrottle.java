package city.hotline.gateway.identity;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection: after too many failed sign-ins for a username or from an address within
 * the window, further attempts wait until the window has passed. Counted in the gateway's database,
 * so every gateway replica sees the same count.
 */
@Component
class LoginThrottle {
  private final MongoCollection<Document> failures;
  private final IdentitySettings settings;
  private final Clock clock;

  LoginThrottle(MongoDatabase gatewayDatabase, IdentitySettings settings, Clock clock) {
    this.failures = gatewayDatabase.getCollection("login_failures");
    this.settings = settings;
    this.clock = clock;
  }

  /** How long the caller must wait, or empty if it may try now. */
  Optional<Duration> waitFor(String username, String address) {
    return blockedFor(key("user", username), settings.loginFailureLimit())
        .or(() -> blockedFor(key("address", address), settings.addressFailureLimit()));
  }

  void recordFailure(String username, String address) {
    count(key("user", username));
    count(key("address", address));
  }

  void recordSuccess(String username) {
    failures.deleteOne(Filters.eq("_id", key("user", username)));
  }

  private Optional<Duration> blockedFor(String key, int limit) {
    Document entry = failures.find(Filters.eq("_id", key)).first();
    if (entry == null || entry.getInteger("count", 0) < limit) {
      return Optional.empty();
    }
    Instant until = entry.getDate("windowStart").toInstant().plus(settings.loginFailureWindow());
    Duration left = Duration.between(clock.instant(), until);
    return left.isNegative() || left.isZero() ? Optional.empty() : Optional.of(left);
  }

  private void count(String key) {
    Instant now = clock.instant();
    Date windowOpen = Date.from(now.minus(settings.loginFailureWindow()));
    long counted = failures.updateOne(Filters.and(Filters.eq("_id", key), Filters.gt("windowStart", windowOpen)),
        Updates.inc("count", 1)).getMatchedCount();
    if (counted == 0) {
      failures.replaceOne(Filters.eq("_id", key),
          new Document("_id", key).append("count", 1).append("windowStart", Date.from(now)),
          new ReplaceOptions().upsert(true));
    }
  }

  private static String key(String kind, String value) {
    return kind + ":" + value;
  }
}
