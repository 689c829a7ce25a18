package city.hotline.feedback.visit;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.support.mongo.Inserts;
import city.hotline.support.outbox.OutboxRelay;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * One return visit per ticket ({@code _id}), created when the case is registered (with what the operator
 * needs to call the citizen back) and opened when it is resolved, again after each reopening (重办).
 * Every change is one guarded write on the visit document, with its event in the same write.
 */
@Repository
class VisitRepository {
  static final String COLLECTION = "visits";
  private final MongoCollection<Document> visits;
  private final MongoCollection<Document> links;

  VisitRepository(MongoDatabase database) {
    this.visits = database.getCollection(COLLECTION);
    this.links = database.getCollection("rating_links");
    visits.createIndex(Indexes.ascending("state", "resolvedAt"));
  }

  /**
   * Knows the ticket exists, so rating it before it is resolved is a 409, not a 404, and keeps whom to
   * call back. Never moves a visit back.
   */
  void noteRegistered(String ticketId, ComplaintRegistered call) {
    visits.updateOne(Filters.eq("_id", ticketId),
        Updates.combine(Updates.setOnInsert("state", VisitState.AWAITING_RESOLUTION.name()),
            Updates.setOnInsert("failedAttempts", 0),
            Updates.set("caller", new Document("name", call.callerName()).append("phone", call.callerPhone())
                .append("confidential", call.confidential())),
            Updates.set("address", call.address()),
            Updates.set("description", call.description())),
        new UpdateOptions().upsert(true));
  }

  /**
   * Opens the visit in the operators' queue, once per resolution event: a redelivered CaseResolved
   * after closing changes nothing, and neither does the earlier answer a citizen rejected (重办).
   * A link issued for an earlier answer no longer applies.
   */
  void open(String ticketId, String resolutionEventId, CaseFacts facts, Instant resolvedAt, String reply,
      Instant deadline) {
    Bson notClosed = Filters.and(Filters.eq("_id", ticketId), Filters.ne("state", VisitState.CLOSED.name()),
        Filters.ne("resolutions", resolutionEventId));
    Bson open = Updates.combine(
        Updates.set("state", VisitState.OPEN.name()),
        Updates.addToSet("resolutions", resolutionEventId),
        Updates.set("resolvedAt", Date.from(resolvedAt)),
        Updates.set("returnVisitDeadline", Date.from(deadline)),
        Updates.set("reply", reply),
        Updates.set("facts", factsDocument(facts)),
        Updates.unset("ratingLink"),
        Updates.setOnInsert("failedAttempts", 0));
    try {
      visits.updateOne(notClosed, open, new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e; // a duplicate key means the visit exists and is closed or has this answer: nothing to do
      }
    }
  }

  Optional<Document> find(String ticketId) {
    return Optional.ofNullable(visits.find(Filters.eq("_id", ticketId)).first());
  }

  List<Document> findAll(List<String> ticketIds) {
    return visits.find(Filters.in("_id", ticketIds)).into(new ArrayList<>());
  }

  /**
   * Applies a change to an open visit only if it is still as the caller saw it: no other attempt
   * recorded in between ({@code failedAttempts}), and whatever else {@code guard} demands.
   */
  boolean change(String ticketId, int seenFailedAttempts, Bson guard, List<Bson> changes, Document outboxEntry) {
    List<Bson> updates = new ArrayList<>(changes);
    if (outboxEntry != null) {
      updates.add(Updates.push(OutboxRelay.FIELD, outboxEntry));
    }
    Bson filter = Filters.and(Filters.eq("_id", ticketId), Filters.eq("state", VisitState.OPEN.name()),
        Filters.eq("failedAttempts", seenFailedAttempts), guard);
    return visits.updateOne(filter, Updates.combine(updates)).getModifiedCount() == 1;
  }

  /** Remembers which visit a link's hash belongs to; the visit itself holds the link's expiry and use. */
  void rememberLink(String hash, String ticketId, Instant at) {
    Inserts.insertIfAbsent(links, new Document("_id", hash).append("ticketId", ticketId).append("at", Date.from(at)));
  }

  Optional<String> ticketOfLink(String hash) {
    return Optional.ofNullable(links.find(Filters.eq("_id", hash)).first()).map(d -> d.getString("ticketId"));
  }

  static Document factsDocument(CaseFacts facts) {
    return new Document("district", facts.district())
        .append("category", facts.category())
        .append("urgency", facts.urgency())
        .append("unitId", facts.unitId());
  }

  static CaseFacts facts(Document visit) {
    Document f = visit.get("facts", Document.class);
    return new CaseFacts(f.getString("district"), f.getString("category"), f.getString("urgency"),
        f.getString("unitId"));
  }

  static RatingLink.Issued link(Document visit) {
    Document link = visit.get("ratingLink", Document.class);
    if (link == null) {
      return null;
    }
    Date used = link.getDate("usedAt");
    return new RatingLink.Issued(link.getString("hash"), link.getDate("expiresAt").toInstant(),
        used == null ? null : used.toInstant());
  }
}
