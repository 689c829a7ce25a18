package city.hotline.dispatch.casework;

import city.hotline.support.outbox.OutboxRelay;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.bson.BsonArray;
import org.bson.BsonDocument;
import org.bson.BsonDocumentWrapper;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Cases by ticket number, as {@link Case} values. Every change is one guarded {@code findOneAndUpdate}
 * of what {@link Case} decided: the guards make it exclusive (two claims, one winner) and the audit entry
 * and the outbox event ride in the same write. The queues, the backlog and the overdue clock are plain
 * queries on the indexes declared here.
 */
@Repository
class CaseRepository {
  static final String COLLECTION = "cases";
  /** What a queue line or a count needs: not the trail, the caller or the outbox. */
  private static final Bson QUEUE_FIELDS = Projections.exclude(Case.AUDIT, Case.CALLER_NAME, Case.CALLER_PHONE,
      Case.ATTACHMENTS, Case.REOPENED_BY, OutboxRelay.FIELD);
  /** A whole case for a clock to decide on: everything but its trail and its outbox. */
  private static final Bson WITHOUT_TRAIL = Projections.exclude(Case.AUDIT, OutboxRelay.FIELD);

  private final MongoCollection<Case> cases;

  CaseRepository(MongoDatabase database) {
    this.cases = database.getCollection(COLLECTION, Case.class);
    // A unit's queue: its cases in a state, soonest deadline first.
    cases.createIndex(Indexes.ascending(Case.UNIT_ID, Case.STATE, Case.DEADLINE));
    // The desk's queues, the queues across units, the backlog: cases in some states, by deadline.
    cases.createIndex(Indexes.ascending(Case.STATE, Case.DEADLINE));
    // The overdue clock: the cases whose next unmarked deadline has passed.
    cases.createIndex(Indexes.ascending(Case.DUE_AT));
  }

  /**
   * Stores a new case with its first event in its outbox.
   *
   * @return false when the case already exists (a redelivered registration)
   */
  boolean insertIfAbsent(Case kase, Document outboxEntry) {
    BsonDocument document = BsonDocumentWrapper.asBsonDocument(kase, cases.getCodecRegistry()).clone();
    document.put(OutboxRelay.FIELD, new BsonArray(List.of(outboxEntry.toBsonDocument(Document.class,
        cases.getCodecRegistry()))));
    try {
      cases.withDocumentClass(BsonDocument.class).insertOne(document);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }

  Optional<Case> find(String ticketId) {
    return Optional.ofNullable(cases.find(Filters.eq(Case.ID, ticketId)).projection(Projections.exclude(OutboxRelay.FIELD))
        .first());
  }

  /**
   * Applies the change only if the case still meets every guard; empty if it did not (someone else
   * changed it first). The event, if any, goes into the case's outbox in the same write.
   */
  Optional<Case> apply(CaseChange change, Document outboxEntry) {
    List<Bson> filter = new ArrayList<>();
    filter.add(Filters.eq(Case.ID, change.ticketId()));
    filter.addAll(change.guards());
    List<Bson> updates = new ArrayList<>(change.updates());
    if (outboxEntry != null) {
      updates.add(Updates.push(OutboxRelay.FIELD, outboxEntry));
    }
    return Optional.ofNullable(cases.findOneAndUpdate(Filters.and(filter), Updates.combine(updates),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)
            .projection(Projections.exclude(OutboxRelay.FIELD))));
  }

  /** How many cases in these states match the filters (one queue's total), counted through the same index. */
  long count(Collection<CaseState> states, List<Bson> filters) {
    return cases.countDocuments(inStates(states, filters));
  }

  /**
   * One page of the cases in these states that match the filters, as queue lines read them: soonest
   * deadline first, then longest waiting. Served by {unitId, state, deadline} or {state, deadline}.
   */
  List<Case> page(Collection<CaseState> states, List<Bson> filters, int skip, int limit) {
    return cases.find(inStates(states, filters)).projection(QUEUE_FIELDS)
        .sort(Sorts.ascending(Case.DEADLINE, Case.ENTERED_AT, Case.ID)).skip(skip).limit(limit)
        .into(new ArrayList<>());
  }

  /** The cases in these states, with only the fields a count by state, unit and district needs. */
  List<Case> counted(Collection<CaseState> states, List<Bson> filters) {
    return cases.find(inStates(states, filters))
        .projection(Projections.include(Case.STATE, Case.UNIT_ID, Case.UNIT_NAME, Case.DISTRICT, Case.DEADLINE))
        .into(new ArrayList<>());
  }

  /** The cases whose next unmarked deadline has passed by {@code now}, earliest first, at most {@code limit}. */
  List<Case> due(Instant now, int limit) {
    return cases.find(Filters.lte(Case.DUE_AT, now)).projection(WITHOUT_TRAIL)
        .sort(Sorts.ascending(Case.DUE_AT)).limit(limit).into(new ArrayList<>());
  }

  /**
   * Cases with a unit that have no {@code deadline} (written before issue 22), after {@code afterId} in
   * ticket order, at most {@code limit}; served by {state, deadline}.
   */
  List<Case> withoutDeadline(String afterId, int limit) {
    List<Bson> filters = new ArrayList<>(List.of(Filters.eq(Case.DEADLINE, null)));
    if (afterId != null) {
      filters.add(Filters.gt(Case.ID, afterId));
    }
    return cases.find(inStates(CaseState.WITH_UNIT, filters)).projection(WITHOUT_TRAIL)
        .sort(Sorts.ascending(Case.ID)).limit(limit).into(new ArrayList<>());
  }

  /** One top-level $and of the state and the other conditions, the shape an index prefix is matched in. */
  private static Bson inStates(Collection<CaseState> states, List<Bson> filters) {
    List<Bson> all = new ArrayList<>();
    all.add(states.size() == 1 ? Filters.eq(Case.STATE, states.iterator().next()) : Filters.in(Case.STATE, states));
    all.addAll(filters);
    return Filters.and(all);
  }
}
