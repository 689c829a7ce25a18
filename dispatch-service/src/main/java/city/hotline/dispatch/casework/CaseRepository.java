package city.hotline.dispatch.casework;

import city.hotline.support.mongo.Inserts;
import city.hotline.support.outbox.OutboxRelay;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Cases by ticket number. Every transition is one guarded {@code findOneAndUpdate}: the state
 * guard makes it exclusive (two claims, one winner) and the audit entry and outbox event ride in
 * the same write. Queues are read from {@link OpenWork}, never from this collection.
 */
@Repository
class CaseRepository {
  static final String COLLECTION = "cases";
  private final MongoCollection<Document> cases;

  CaseRepository(MongoDatabase database) {
    this.cases = database.getCollection(COLLECTION);
  }

  /** @return false when the case already exists (a redelivered registration) */
  boolean insertIfAbsent(Document kase) {
    return Inserts.insertIfAbsent(cases, kase);
  }

  Optional<Document> find(String ticketId) {
    return Optional.ofNullable(cases.find(Filters.eq("_id", ticketId)).first());
  }

  /** Every case someone still has work on; a scan, for the one-off filling of the queues. */
  int forEachOpen(Consumer<Document> action) {
    List<String> open = Arrays.stream(CaseState.values()).filter(s -> s.atDesk() || s.withUnit()).map(Enum::name).toList();
    int[] count = {0};
    cases.find(Filters.in("state", open)).forEach(kase -> {
      action.accept(kase);
      count[0]++;
    });
    return count[0];
  }

  /**
   * Applies the action only if the case is still in a state it is allowed from and matches every
   * guard; empty if it did not (someone else changed it first).
   */
  Optional<Document> transition(String ticketId, CaseAction action, List<Bson> guards, List<Bson> changes,
      Document audit, Document outboxEntry) {
    List<Bson> updates = new ArrayList<>(changes);
    if (action.changesState()) {
      updates.add(Updates.set("state", audit.getString("state")));
    }
    updates.add(Updates.inc("rev", 1));
    updates.add(Updates.push("audit", audit));
    if (outboxEntry != null) {
      updates.add(Updates.push(OutboxRelay.FIELD, outboxEntry));
    }
    List<Bson> filter = new ArrayList<>(guards);
    filter.add(0, Filters.eq("_id", ticketId));
    filter.add(1, Filters.in("state", action.from().stream().map(Enum::name).toList()));
    return Optional.ofNullable(cases.findOneAndUpdate(Filters.and(filter), Updates.combine(updates),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
  }
}
