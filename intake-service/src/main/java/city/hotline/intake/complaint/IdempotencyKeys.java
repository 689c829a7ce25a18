package city.hotline.intake.complaint;

import city.hotline.support.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * Idempotency keys of registrations, by operator and key ({@code _id}). A key is bound to its
 * ticket number before the work order is written, so a retry after any failure finds the same
 * ticket — and completes it if the first attempt died in between.
 */
@Repository
class IdempotencyKeys {
  private final MongoCollection<Document> keys;

  /** What a key was first used for. */
  record Binding(String requestHash, String ticketId) {}

  IdempotencyKeys(MongoDatabase database) {
    this.keys = database.getCollection("idempotency_keys");
  }

  Optional<Binding> find(String operator, String key) {
    return Optional.ofNullable(keys.find(Filters.eq("_id", id(operator, key))).first())
        .map(d -> new Binding(d.getString("requestHash"), d.getString("ticketId")));
  }

  /** Binds the key to the ticket; if another request bound it first, returns that binding instead. */
  Binding bind(String operator, String key, Binding binding, Instant now) {
    Document keyDocument = new Document("_id", id(operator, key))
        .append("requestHash", binding.requestHash())
        .append("ticketId", binding.ticketId())
        .append("createdAt", Date.from(now));
    if (Inserts.insertIfAbsent(keys, keyDocument)) {
      return binding;
    }
    return find(operator, key).orElseThrow(() -> new IllegalStateException("idempotency key vanished: " + key));
  }

  /** Moves the key from a number another call holds to a fresh one, unless a concurrent retry moved it already. */
  void rebind(String operator, String key, String takenTicketId, String freshTicketId) {
    keys.updateOne(Filters.and(Filters.eq("_id", id(operator, key)), Filters.eq("ticketId", takenTicketId)),
        Updates.set("ticketId", freshTicketId));
  }

  private static String id(String operator, String key) {
    return operator + "|" + key;
  }
}
