package city.hotline.dispatch.casework;

import city.hotline.support.mongo.Inserts;
import city.hotline.support.outbox.OutboxRelay;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Cases by ticket number. Every transition is one guarded {@code findOneAndUpdate}: the state
 * guard makes it exclusive (two claims, one winner) and the audit entry and outbox event ride in
 * the same write.
 */
@Repository
class CaseRepository {
  static final String COLLECTION = "cases";
  private final MongoCollection<Document> cases;

  CaseRepository(MongoDatabase database) {
    this.cases = database.getCollection(COLLECTION);
    cases.createIndex(Indexes.ascending("unitId", "state", "resolveDeadline"));
  }

  /** @return false when the case already exists (a redelivered registration) */
  boolean insertIfAbsent(Document kase) {
    return Inserts.insertIfAbsent(cases, kase);
  }

  Optional<Document> find(String ticketId) {
    return Optional.ofNullable(cases.find(Filters.eq("_id", ticketId)).first());
  }

  /** Applies the action only if the case is still in a state it is allowed from; empty if it was not. */
  Optional<Document> transition(String ticketId, CaseAction action, List<Bson> changes, Document audit,
      Document outboxEntry) {
    return transition(ticketId, null, action, changes, audit, outboxEntry);
  }

  /** As above, and only while the case is still with {@code unitId} (null: any unit). */
  Optional<Document> transition(String ticketId, String unitId, CaseAction action, List<Bson> changes,
      Document audit, Document outboxEntry) {
    List<Bson> updates = new ArrayList<>(changes);
    updates.add(Updates.set("state", action.to().name()));
    updates.add(Updates.push("audit", audit));
    if (outboxEntry != null) {
      updates.add(Updates.push(OutboxRelay.FIELD, outboxEntry));
    }
    Bson guard = Filters.and(Filters.eq("_id", ticketId),
        Filters.in("state", action.from().stream().map(Enum::name).toList()),
        unitId == null ? new Document() : Filters.eq("unitId", unitId));
    return Optional.ofNullable(cases.findOneAndUpdate(guard, Updates.combine(updates),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
  }

  /** A unit's queue, most urgent deadline first. */
  List<Document> queue(String unitId, List<String> states, int page, int size) {
    List<Bson> filters = new ArrayList<>();
    if (unitId != null) {
      filters.add(Filters.eq("unitId", unitId));
    }
    filters.add(Filters.in("state", states));
    return cases.find(Filters.and(filters))
        .sort(Sorts.ascending("resolveDeadline", "_id"))
        .skip(page * size)
        .limit(size)
        .into(new ArrayList<>());
  }
}
