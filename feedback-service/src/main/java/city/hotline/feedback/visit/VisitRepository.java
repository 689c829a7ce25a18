package city.hotline.feedback.visit;

import city.hotline.contracts.CaseFacts;
import city.hotline.support.outbox.OutboxRelay;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
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
 * One return visit per ticket ({@code _id}), created when the case is registered and opened when it is
 * resolved, again after each reopening (重办).
 */
@Repository
class VisitRepository {
  static final String COLLECTION = "visits";
  private final MongoCollection<Document> visits;

  VisitRepository(MongoDatabase database) {
    this.visits = database.getCollection(COLLECTION);
    visits.createIndex(Indexes.ascending("state", "resolvedAt"));
  }

  /** Knows the ticket exists, so rating it before it is resolved is a 409, not a 404. Never moves a visit back. */
  void noteRegistered(String ticketId) {
    visits.updateOne(Filters.eq("_id", ticketId),
        Updates.combine(Updates.setOnInsert("state", VisitState.AWAITING_RESOLUTION.name()),
            Updates.setOnInsert("failedAttempts", 0)),
        new UpdateOptions().upsert(true));
  }

  /**
   * Opens the visit in the operators' queue, once per resolution event: a redelivered CaseResolved
   * after closing changes nothing, and neither does the earlier answer a citizen rejected (重办).
   */
  void open(String ticketId, String resolutionEventId, CaseFacts facts, Instant resolvedAt) {
    Bson notClosed = Filters.and(Filters.eq("_id", ticketId), Filters.ne("state", VisitState.CLOSED.name()),
        Filters.ne("resolutions", resolutionEventId));
    Bson open = Updates.combine(
        Updates.set("state", VisitState.OPEN.name()),
        Updates.addToSet("resolutions", resolutionEventId),
        Updates.set("resolvedAt", Date.from(resolvedAt)),
        Updates.set("facts", factsDocument(facts)),
        Updates.setOnInsert("failedAttempts", 0));
    try {
      visits.updateOne(notClosed, open, new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e; // a duplicate key means the visit exists and is closed: nothing to do
      }
    }
  }

  Optional<Document> find(String ticketId) {
    return Optional.ofNullable(visits.find(Filters.eq("_id", ticketId)).first());
  }

  /** Applies an attempt only if nobody recorded another one for this visit in between. */
  boolean recordAttempt(String ticketId, int seenFailedAttempts, List<Bson> changes, Document attempt,
      Document outboxEntry) {
    List<Bson> updates = new ArrayList<>(changes);
    updates.add(Updates.push("attempts", attempt));
    if (outboxEntry != null) {
      updates.add(Updates.push(OutboxRelay.FIELD, outboxEntry));
    }
    Bson guard = Filters.and(Filters.eq("_id", ticketId), Filters.eq("state", VisitState.OPEN.name()),
        Filters.eq("failedAttempts", seenFailedAttempts));
    return visits.updateOne(guard, Updates.combine(updates)).getModifiedCount() == 1;
  }

  /** The operators' queue: open visits, oldest resolution first. */
  List<Document> openVisits(int page, int size) {
    return visits.find(Filters.eq("state", VisitState.OPEN.name()))
        .sort(Sorts.ascending("resolvedAt", "_id"))
        .skip(page * size)
        .limit(size)
        .into(new ArrayList<>());
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
}
