package city.hotline.feedback.visit;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.support.outbox.OutboxRelay;
import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.BulkWriteOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.BsonType;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The return visits ({@link Visit}, one per ticket, {@code _id} the ticket id), typed by the driver's record
 * codec. Every change is one guarded write on the visit document, with its event in the same write.
 */
@Repository
class VisitRepository {
  static final String COLLECTION = "visits";
  private static final String ID = "_id";
  /** Where links were looked up before issue 22: {@code {_id: hash, ticketId, at}}. */
  static final String OLD_LINKS = "rating_links";
  private static final String OLD_LINK_TICKET = "ticketId";
  private static final int BACKFILL_BATCH = 500;
  private final MongoDatabase database;
  private final MongoCollection<Visit> visits;

  VisitRepository(MongoDatabase database) {
    this.database = database;
    this.visits = database.getCollection(COLLECTION, Visit.class);
    // 回访队列: the open visits, the longest-waiting first (ties by ticket), a page at a time.
    visits.createIndex(Indexes.ascending(Visit.STATE, Visit.RESOLVED_AT, ID));
    // 回访时限: the open visits whose deadline has passed, for the no-response clock.
    visits.createIndex(Indexes.ascending(Visit.STATE, Visit.DEADLINE));
    // 评价链接: the visit a link was issued for, by the link's hash (multikey: every link it was given).
    visits.createIndex(Indexes.ascending(Visit.LINK_HASHES));
  }

  /**
   * Knows the ticket exists, so rating it before it is resolved is a 409, not a 404, and keeps whom to
   * call back. Never moves a visit back.
   */
  void noteRegistered(String ticketId, ComplaintRegistered call) {
    visits.updateOne(Filters.eq(ID, ticketId),
        Updates.combine(Updates.setOnInsert(Visit.STATE, VisitState.AWAITING_RESOLUTION), freshCounters(),
            Updates.set(Visit.CALLER, new Visit.Caller(call.callerName(), call.callerPhone(), call.confidential())),
            Updates.set(Visit.ADDRESS, call.address()),
            Updates.set(Visit.DESCRIPTION, call.description())),
        new UpdateOptions().upsert(true));
  }

  /**
   * Opens the visit in the operators' queue, once per resolution event: a redelivered CaseResolved
   * after closing changes nothing, and neither does the earlier answer a citizen rejected (重办).
   * A link issued for an earlier answer no longer applies.
   */
  void open(String ticketId, String resolutionEventId, CaseFacts facts, Instant resolvedAt, String reply,
      Instant deadline) {
    Bson notClosed = Filters.and(Filters.eq(ID, ticketId), Filters.ne(Visit.STATE, VisitState.CLOSED),
        Filters.ne(Visit.RESOLUTIONS, resolutionEventId));
    Bson open = Updates.combine(
        Updates.set(Visit.STATE, VisitState.OPEN),
        Updates.addToSet(Visit.RESOLUTIONS, resolutionEventId),
        Updates.set(Visit.RESOLVED_AT, resolvedAt),
        Updates.set(Visit.DEADLINE, deadline),
        Updates.set(Visit.REPLY, reply),
        Updates.set(Visit.FACTS, facts),
        Updates.unset(Visit.RATING_LINK),
        freshCounters());
    try {
      visits.updateOne(notClosed, open, new UpdateOptions().upsert(true));
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() != ErrorCategory.DUPLICATE_KEY) {
        throw e; // a duplicate key means the visit exists and is closed or has this answer: nothing to do
      }
    }
  }

  Optional<Visit> find(String ticketId) {
    return Optional.ofNullable(visits.find(Filters.eq(ID, ticketId)).first());
  }

  /** A page of the operators' queue (回访队列): open visits, the longest-waiting first. */
  List<Visit> openPage(int page, int size) {
    return visits.find(Filters.eq(Visit.STATE, VisitState.OPEN)).sort(Sorts.ascending(Visit.RESOLVED_AT, ID))
        .skip(page * size).limit(size).into(new ArrayList<>());
  }

  long countOpen() {
    return visits.countDocuments(Filters.eq(Visit.STATE, VisitState.OPEN));
  }

  /** Open visits whose return-visit deadline is not after {@code now}, the earliest first, at most {@code limit}. */
  List<Visit> openAndDue(Instant now, int limit) {
    return visits.find(Filters.and(Filters.eq(Visit.STATE, VisitState.OPEN), Filters.lte(Visit.DEADLINE, now)))
        .sort(Sorts.ascending(Visit.DEADLINE)).limit(limit).into(new ArrayList<>());
  }

  /**
   * Upgrade from before issue 22: links were then found through {@code rating_links} (hash → ticket), and a
   * visit kept only its current link, so visits from then have no {@code linkHashes} and their links would be
   * unknown. Each such visit gets its current link's hash, and every hash {@code rating_links} still holds is
   * added to its visit, so a replaced link is told apart (410) as before. Adding to a set, so it can run on
   * every start and on several replicas at once; {@code rating_links} is only read.
   *
   * @return how many hashes this call added
   */
  int keepLinksIssuedBeforeIssue22() {
    String currentHash = Visit.RATING_LINK + "." + RatingLink.Issued.HASH;
    MongoCollection<Document> raw = visits.withDocumentClass(Document.class);
    int added = 0;
    List<Document> batch;
    do {
      batch = raw.find(Filters.and(Filters.exists(Visit.LINK_HASHES, false), Filters.type(currentHash, BsonType.STRING)))
          .projection(Projections.include(currentHash)).limit(BACKFILL_BATCH).into(new ArrayList<>());
      List<WriteModel<Visit>> writes = new ArrayList<>();
      for (Document visit : batch) {
        addLinkHash(writes, visit.getString(ID), visit.get(Visit.RATING_LINK, Document.class)
            .getString(RatingLink.Issued.HASH));
      }
      added += write(writes);
    } while (!batch.isEmpty());
    List<WriteModel<Visit>> writes = new ArrayList<>();
    for (Document link : database.getCollection(OLD_LINKS).find()) {
      addLinkHash(writes, link.getString(OLD_LINK_TICKET), link.getString(ID));
      if (writes.size() == BACKFILL_BATCH) {
        added += write(writes);
      }
    }
    return added + write(writes);
  }

  private static void addLinkHash(List<WriteModel<Visit>> writes, String ticketId, String hash) {
    if (ticketId != null && hash != null) {
      writes.add(new UpdateOneModel<>(Filters.and(Filters.eq(ID, ticketId), Filters.ne(Visit.LINK_HASHES, hash)),
          Updates.addToSet(Visit.LINK_HASHES, hash)));
    }
  }

  /** Sends the writes in one round trip and empties the list; how many visits they changed. */
  private int write(List<WriteModel<Visit>> writes) {
    if (writes.isEmpty()) {
      return 0;
    }
    int modified = visits.bulkWrite(writes, new BulkWriteOptions().ordered(false)).getModifiedCount();
    writes.clear();
    return modified;
  }

  /** A new visit's counters; {@code failedAttempts} must exist for the call guard to match it. */
  private static Bson freshCounters() {
    return Updates.combine(Updates.setOnInsert(Visit.FAILED_ATTEMPTS, 0), Updates.setOnInsert(Visit.REOPEN_COUNT, 0));
  }

  /** The visit a rating link with this hash was ever issued for. */
  Optional<Visit> findByLink(String hash) {
    return Optional.ofNullable(visits.find(Filters.eq(Visit.LINK_HASHES, hash)).first());
  }

  /**
   * Writes the change if the visit still holds what it expects, its event (as an outbox entry, or null)
   * in the same update; false if the visit moved on meanwhile.
   */
  boolean apply(VisitChange change, Document outboxEntry) {
    List<Bson> guard = new ArrayList<>(List.of(Filters.eq(ID, change.ticketId())));
    change.expected().forEach((field, value) -> guard.add(Filters.eq(field, value)));
    List<Bson> updates = new ArrayList<>();
    change.sets().forEach((field, value) -> updates.add(Updates.set(field, value)));
    change.pushes().forEach((field, value) -> updates.add(Updates.push(field, value)));
    if (outboxEntry != null) {
      updates.add(Updates.push(OutboxRelay.FIELD, outboxEntry));
    }
    return visits.updateOne(Filters.and(guard), Updates.combine(updates)).getModifiedCount() == 1;
  }
}
