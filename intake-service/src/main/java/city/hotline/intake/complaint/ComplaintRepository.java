package city.hotline.intake.complaint;

import city.hotline.support.kafka.EventNotYetApplicableException;
import city.hotline.support.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Repository;

/**
 * Work orders by ticket number ({@code _id}), each with its timeline and its pending events (outbox) in one
 * document. Every change the {@link WorkOrder} decides is one guarded single-document update here. The indexes the
 * queries need are declared at start-up, each next to the query it serves.
 */
@Repository
public class ComplaintRepository {
  public static final String COLLECTION = "complaints";
  /** Writes that lost to a concurrent change of the same work order are decided again this often at most. */
  private static final int MAX_RACES = 10;
  /** Ticket numbers per round trip when counting: a count reads them all, and they are small. */
  private static final int COUNT_BATCH = 10_000;

  private final MongoCollection<WorkOrder> complaints;
  /**
   * When a write happens, for the watermarks other replicas poll from ({@code learnableAt}): the real time, never
   * the service's clock, which a seed runs many times faster and would shrink every poll's overlap with.
   */
  private final Clock writeClock;

  @Autowired
  ComplaintRepository(MongoDatabase database) {
    this(database, Clock.systemUTC());
  }

  ComplaintRepository(MongoDatabase database, Clock writeClock) {
    this.writeClock = writeClock;
    this.complaints = database.getCollection(COLLECTION, WorkOrder.class);
    // 查询进度 by phone and duplicates by phone: the caller's work orders, newest first
    complaints.createIndex(Indexes.compoundIndex(Indexes.ascending(WorkOrder.CALLER_PHONE),
        Indexes.descending(WorkOrder.ID)));
    // 重复件 at the same address: open work orders of a category at one normalised address
    complaints.createIndex(Indexes.ascending(WorkOrder.CATEGORY, WorkOrder.DISTRICT, WorkOrder.ADDRESS_KEY,
        WorkOrder.STATUS));
    // 重复件 nearby: open work orders of a category in the map cells around a point
    complaints.createIndex(Indexes.ascending(WorkOrder.CATEGORY, WorkOrder.CELL, WorkOrder.STATUS));
    // Search by its most common filters over a period of ticket numbers; the others filter what these find,
    // and a search without filters walks the _id index.
    for (String filter : List.of(WorkOrder.STATUS, WorkOrder.DISTRICT, WorkOrder.CATEGORY)) {
      complaints.createIndex(Indexes.compoundIndex(Indexes.ascending(filter), Indexes.descending(WorkOrder.ID)));
    }
    // Suggestions: every replica learns from the work orders closed since its watermark
    complaints.createIndex(Indexes.ascending(WorkOrder.LEARNABLE_AT));
    // The suggestions' acceptance rate: the registrations that carried one
    complaints.createIndex(Indexes.ascending(WorkOrder.SUGGESTED_AT));
  }

  /** @return false when a work order with this ticket number exists already */
  boolean insert(WorkOrder order) {
    return Inserts.insertIfAbsent(complaints, order);
  }

  /**
   * The work order under this number if this very registration wrote it (a retry of it). A work order
   * stored before registrations were named never matches: answering with another caller's ticket would
   * be worse than registering a retry that spans the upgrade a second time.
   */
  Optional<WorkOrder> findRegistration(String ticketId, String registration) {
    return Optional.ofNullable(complaints.find(Filters.and(Filters.eq(WorkOrder.ID, ticketId),
        Filters.eq(WorkOrder.REGISTRATION, registration))).first());
  }

  public Optional<WorkOrder> find(String ticketId) {
    return Optional.ofNullable(complaints.find(Filters.eq(WorkOrder.ID, ticketId)).first());
  }

  /** For a listener of intake's own topic: after a restore, {@link RegistrationReplay} may not have rewritten it yet. */
  public WorkOrder require(String ticketId) {
    return find(ticketId).orElseThrow(() -> new EventNotYetApplicableException("intake event for unknown ticket "
        + ticketId + ": waiting for its work order to be restored from the topic"));
  }

  /** Whether a work order is stored under this number, without reading it. */
  boolean exists(String ticketId) {
    return complaints.find(Filters.eq(WorkOrder.ID, ticketId), TicketId.class)
        .projection(Projections.include(WorkOrder.ID)).first() != null;
  }

  /** The caller's latest work orders, newest first (ticket numbers sort by day and sequence). */
  public List<WorkOrder> byPhone(String phone, int limit) {
    return complaints.find(Filters.eq(WorkOrder.CALLER_PHONE, phone)).sort(Sorts.descending(WorkOrder.ID))
        .limit(limit).into(new ArrayList<>());
  }

  /** The newest open work orders of a category at one address (its {@link WorkOrder#addressKey()}). */
  public List<WorkOrder> openAtAddress(String category, String district, String addressKey, int limit) {
    return complaints.find(Filters.and(Filters.eq(WorkOrder.CATEGORY, category), Filters.eq(WorkOrder.DISTRICT, district),
            Filters.eq(WorkOrder.ADDRESS_KEY, addressKey), Filters.in(WorkOrder.STATUS, WorkOrder.OPEN)))
        .sort(Sorts.descending(WorkOrder.ID)).limit(limit).into(new ArrayList<>());
  }

  /** The newest open work orders of a category in these map cells. */
  public List<WorkOrder> openInCells(String category, Collection<String> cells, int limit) {
    return complaints.find(Filters.and(Filters.eq(WorkOrder.CATEGORY, category), Filters.in(WorkOrder.CELL, cells),
            Filters.in(WorkOrder.STATUS, WorkOrder.OPEN)))
        .sort(Sorts.descending(WorkOrder.ID)).limit(limit).into(new ArrayList<>());
  }

  /** One page of the work orders matching {@code filter}, in ticket-number order. */
  public List<WorkOrder> page(Bson filter, boolean oldestFirst, int skip, int limit) {
    return complaints.find(filter).sort(order(oldestFirst)).skip(skip).limit(limit).into(new ArrayList<>());
  }

  /**
   * How many work orders match, counted from their ticket numbers alone. Not {@code countDocuments}: that is an
   * aggregation, which the embedded store answers by reading the whole collection instead of the index.
   */
  public long count(Bson filter) {
    long count = 0;
    for (TicketId ignored : complaints.find(filter, TicketId.class)
        .projection(Projections.include(WorkOrder.ID)).batchSize(COUNT_BATCH)) {
      count++;
    }
    return count;
  }

  /** The ticket number of the {@code n}th work order (from 1) matching {@code filter} in that order, if there are n. */
  public Optional<String> nth(Bson filter, boolean oldestFirst, int n) {
    return Optional.ofNullable(complaints.find(filter, TicketId.class).projection(Projections.include(WorkOrder.ID))
        .sort(order(oldestFirst)).skip(n - 1).limit(1).first()).map(TicketId::ticketId);
  }

  /**
   * Records an event of dispatch or feedback as the work order decides ({@link WorkOrder#record}), in one guarded
   * write; a write that lost to a concurrent change of the status is decided again on the work order as it is now.
   * What a finished work order was handled as is kept and, when it closes, it is marked learnable at the real time of
   * the write.
   *
   * @param handling the unit handling the case as of this event (null before routing) and its category
   * @return false when the ticket is unknown here
   */
  public boolean recordStep(String ticketId, String eventId, TimelineEntry step, WorkOrder.Handling handling) {
    for (int attempt = 0; attempt < MAX_RACES; attempt++) {
      Optional<WorkOrder> order = find(ticketId);
      if (order.isEmpty()) {
        return false;
      }
      Instant writtenAt = writeClock.instant().truncatedTo(ChronoUnit.MILLIS); // as the store keeps it
      Optional<WorkOrder.StepChange> change = order.get().record(eventId, step, handling, writtenAt);
      if (change.isEmpty() || apply(change.get())) {
        return true;
      }
    }
    throw new IllegalStateException("work order " + ticketId + " kept changing while event " + eventId + " was recorded");
  }

  private boolean apply(WorkOrder.StepChange change) {
    List<Bson> guards = new ArrayList<>(List.of(Filters.eq(WorkOrder.ID, change.ticketId())));
    List<Bson> updates = new ArrayList<>();
    if (change.step() != null) {
      guards.add(Filters.ne(WorkOrder.TIMELINE_EVENTS, change.step().eventId()));
      updates.add(Updates.push(WorkOrder.TIMELINE, change.step()));
    }
    WorkOrder.StatusMove move = change.move();
    if (move != null) {
      guards.add(Filters.eq(WorkOrder.STATUS_AT, move.expectedStatusAt()));
      updates.add(Updates.set(WorkOrder.STATUS, move.status()));
      updates.add(Updates.set(WorkOrder.STATUS_AT, move.at()));
      if (move.clearsUnit()) {
        updates.add(Updates.unset(WorkOrder.UNIT_ID));
      } else if (move.unitId() != null) {
        updates.add(Updates.set(WorkOrder.UNIT_ID, move.unitId()));
      }
      if (move.handled() != null) {
        updates.add(Updates.set(WorkOrder.HANDLED_CATEGORY, move.handled().category()));
        updates.add(Updates.set(WorkOrder.HANDLED_UNIT, move.handled().unitId()));
      }
      if (move.learnableAt() != null) {
        updates.add(Updates.set(WorkOrder.LEARNABLE_AT, move.learnableAt()));
      }
    }
    return complaints.updateOne(Filters.and(guards), Updates.combine(updates)).getMatchedCount() > 0;
  }

  /**
   * 重复件 after registration: marks the work order merged, with its timeline step and its ComplaintMerged event in
   * the same write, only while its status is still one the merge was decided from.
   *
   * @return the merged work order, or empty if its status no longer allows the merge
   */
  public Optional<WorkOrder> merge(WorkOrder.Merge merge, Document outboxEntry) {
    WorkOrder.Step step = WorkOrder.Step.of(outboxEntry.getString(WorkOrder.Step.EVENT_ID), merge.entry());
    return Optional.ofNullable(complaints.findOneAndUpdate(
        Filters.and(Filters.eq(WorkOrder.ID, merge.ticketId()), Filters.in(WorkOrder.STATUS, merge.from())),
        Updates.combine(Updates.set(WorkOrder.STATUS, ComplaintStatus.MERGED),
            Updates.set(WorkOrder.STATUS_AT, merge.entry().at()),
            Updates.set(WorkOrder.MERGED_INTO, merge.originalTicketId()),
            Updates.push(WorkOrder.TIMELINE, step),
            Updates.push(WorkOrder.OUTBOX, outboxEntry)),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER)));
  }

  /** Shows a merged call on its original, once however often its event is delivered. */
  public void link(WorkOrder.Link link) {
    complaints.updateOne(
        Filters.and(Filters.eq(WorkOrder.ID, link.ticketId()),
            Filters.ne(WorkOrder.DUPLICATE_CALL_TICKETS, link.call().ticketId())),
        Updates.combine(Updates.push(WorkOrder.DUPLICATE_CALLS, link.call()),
            Updates.push(WorkOrder.TIMELINE, link.note())));
  }

  /**
   * The work orders closed after a unit's handling whose close was written at or after {@code from} (all of them
   * when null), in the order written, as the suggestions learn from them; read through their index, a few fields
   * each.
   */
  public void forEachLearnable(Instant from, Consumer<LearnableCall> action) {
    Bson filter = from == null ? Filters.gt(WorkOrder.LEARNABLE_AT, Instant.EPOCH)
        : Filters.gte(WorkOrder.LEARNABLE_AT, from);
    complaints.find(filter, LearnableCall.class)
        .projection(Projections.include(LearnableCall.FIELDS))
        .sort(Sorts.ascending(WorkOrder.LEARNABLE_AT)).batchSize(COUNT_BATCH)
        .forEach(action);
  }

  /** What the suggestion panel showed at each registration that carried a suggestion, and whether it was taken. */
  public void forEachSuggestion(Consumer<WorkOrder.Suggestion> action) {
    complaints.find(Filters.gt(WorkOrder.SUGGESTED_AT, Instant.EPOCH), SuggestionOnly.class)
        .projection(Projections.include("suggestion")).batchSize(COUNT_BATCH)
        .forEach(found -> {
          if (found.suggestion() != null) {
            action.accept(found.suggestion());
          }
        });
  }

  /**
   * A closed work order as the suggestions learn from it: its words, where it was, what it was finally handled as.
   *
   * @param handledCategory null only for a close written before it was kept: then its registered category counts
   * @param statusAt when the event that set its status happened, the close while it is CLOSED (the events' clock, as
   *     {@code registeredAt}); {@code learnableAt} is when intake wrote the close, a watermark for polling only
   */
  public record LearnableCall(@BsonId String ticketId, String description, String address, String district,
      RegistrationRequest.Location location, String category, String handledCategory, String handledUnit,
      Instant registeredAt, Instant statusAt, Instant learnableAt) {
    static final List<String> FIELDS = List.of(WorkOrder.DESCRIPTION, "address", WorkOrder.DISTRICT, "location",
        WorkOrder.CATEGORY, WorkOrder.HANDLED_CATEGORY, WorkOrder.HANDLED_UNIT, "registeredAt", WorkOrder.STATUS_AT,
        WorkOrder.LEARNABLE_AT);

    /** The category it was finally handled as. */
    public String finalCategory() {
      return handledCategory == null ? category : handledCategory;
    }

    /**
     * When it was closed, as the events tell: its status time. Reopened since, that is a later time, so it is never
     * taken as closed before it was.
     */
    public Instant closedAt() {
      return statusAt;
    }
  }

  /** A work order read for its suggestion alone. */
  public record SuggestionOnly(@BsonId String ticketId, WorkOrder.Suggestion suggestion) {}

  private static Bson order(boolean oldestFirst) {
    return oldestFirst ? Sorts.ascending(WorkOrder.ID) : Sorts.descending(WorkOrder.ID);
  }

  /** A work order read for its ticket number alone. */
  public record TicketId(@BsonId String ticketId) {}
}
