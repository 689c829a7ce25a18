package city.hotline.dispatch.casework;

import city.hotline.support.mongo.Buckets;
import city.hotline.support.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The queues' read model: open work only. A slot ({@code JIANGAN_CGJ|DISPATCHED}, {@code desk|RETURNED},
 * …) is kept in {@value #BUCKETS} bucket documents ({@code JIANGAN_CGJ|DISPATCHED|7}), each holding a
 * summary of the slot's cases whose ticket falls in that bucket, so a queue is one keyed read of a
 * slot's buckets whatever the size of the case history, and a change rewrites one bucket, not a
 * bureau's whole queue (a store rewrites the whole document on every change to it). Kept up to date
 * from dispatch's own events (one ticket's events in order) and right after writes that publish none.
 *
 * <p>Each entry carries the case's {@code rev}: an entry is only replaced by a newer picture of the
 * case, and a case that leaves a slot leaves a tombstone with its rev, so a late, older update cannot
 * put it back. Tombstones are dropped after {@code hotline.casework.tombstone-ttl}.
 */
@Repository
class OpenWork {
  static final String DESK = "desk";
  private static final String REGISTRY = "~slots";
  private static final String FILLED = "~filled";
  private static final String ENTRIES = "entries.";
  /** Storage layout, not a tuning knob: a different number puts tickets in other buckets, so it needs a refill. */
  static final int BUCKETS = 32;

  private final MongoCollection<Document> slots;
  private final Set<String> knownSlots = ConcurrentHashMap.newKeySet();
  private volatile boolean filling;
  private final CaseworkSettings settings;
  private final Clock clock;

  OpenWork(MongoDatabase database, CaseworkSettings settings, Clock clock) {
    this.slots = database.getCollection("open_work_buckets"); // open_work (one document per slot) is no longer read
    this.settings = settings;
    this.clock = clock;
  }

  /** Whether the read model has been filled from the cases once (an upgraded database needs that). */
  boolean filled() {
    return slots.find(Filters.eq("_id", FILLED)).first() != null;
  }

  /**
   * While the filling runs, a case that leaves a slot leaves a tombstone there even where it has no
   * entry yet: the filling may have read the case before the change and would otherwise put the
   * older picture back. Afterwards tombstones go only where an entry is, so slots stay small.
   */
  void fillStarting() {
    filling = true;
  }

  /** Written after the filling finished, so a filling cut short by a crash runs again at the next start. */
  void markFilled() {
    Inserts.insertIfAbsent(slots, new Document("_id", FILLED).append("at", Date.from(clock.instant())));
    filling = false;
  }

  static String slot(String owner, CaseState state) {
    return owner + "|" + state.name();
  }

  /** Where the case belongs in the queues now, or null when nobody has work on it. */
  static String slotOf(Document kase) {
    CaseState state = CaseDocuments.state(kase);
    return state.atDesk() ? slot(DESK, state) : state.withUnit() ? slot(kase.getString("unitId"), state) : null;
  }

  /** Every slot the case can ever have been in: the desk's and those of each unit it was sent to. */
  private static Set<String> slotsEverHeld(Document kase) {
    Set<String> all = new LinkedHashSet<>(List.of(slot(DESK, CaseState.AWAITING_MANUAL_DISPATCH),
        slot(DESK, CaseState.RETURNED)));
    Set<String> units = new LinkedHashSet<>(kase.getList("unitsSeen", String.class, List.of()));
    if (kase.getString("unitId") != null) {
      units.add(kase.getString("unitId")); // cases opened before unitsSeen was kept
    }
    for (String unit : units) {
      all.add(slot(unit, CaseState.DISPATCHED));
      all.add(slot(unit, CaseState.CLAIMED));
    }
    return all;
  }

  /** Puts the case where its current state says, and takes it out of everywhere else. */
  void place(Document kase) {
    String ticketId = kase.getString("_id");
    int rev = kase.getInteger("rev", 0);
    String entry = ENTRIES + ticketId;
    String target = slotOf(kase);
    Document tombstone = new Document("rev", rev).append("gone", true).append("at", Date.from(clock.instant()));
    boolean orMissing = filling;
    for (String slot : slotsEverHeld(kase)) {
      if (!slot.equals(target)) {
        String bucket = bucket(slot, ticketId);
        Bson older = Filters.lt(entry + ".rev", rev);
        if (orMissing) {
          ensure(slot, bucket);
          older = Filters.or(Filters.exists(entry, false), older);
        }
        slots.updateOne(Filters.and(Filters.eq("_id", bucket), older), Updates.set(entry, tombstone));
      }
    }
    if (target != null) {
      String bucket = bucket(target, ticketId);
      ensure(target, bucket);
      slots.updateOne(Filters.and(Filters.eq("_id", bucket),
              Filters.or(Filters.exists(entry, false), Filters.lt(entry + ".rev", rev))),
          Updates.set(entry, QueueItem.entry(kase)));
    }
  }

  /** The live entries of the given slots. */
  List<Document> read(List<String> slotIds) {
    List<Document> entries = new ArrayList<>();
    slots.find(Filters.in("_id", buckets(slotIds))).forEach(slot -> {
      Document all = slot.get("entries", Document.class);
      if (all != null) {
        all.values().stream().map(Document.class::cast).filter(e -> !e.getBoolean("gone", false))
            .forEach(entries::add);
      }
    });
    return entries;
  }

  /** Every slot that has ever held a case (a handful per unit). */
  List<String> allSlots() {
    Document registry = slots.find(Filters.eq("_id", REGISTRY)).first();
    return registry == null ? List.of() : registry.getList("ids", String.class, List.of());
  }

  private void ensure(String slot, String bucket) {
    if (!knownSlots.contains(bucket)) {
      Inserts.insertIfAbsent(slots, new Document("_id", bucket).append("entries", new Document()));
      slots.updateOne(Filters.eq("_id", REGISTRY), Updates.addToSet("ids", slot), new UpdateOptions().upsert(true));
      knownSlots.add(bucket); // only once both are written: a failed write is tried again with the event
    }
  }

  /** The bucket of the slot that holds this ticket's entry; a ticket is always in the same bucket. */
  static String bucket(String slot, String ticketId) {
    return Buckets.id(slot, ticketId, BUCKETS);
  }

  /** Every bucket of these slots. */
  private static List<String> buckets(List<String> slotIds) {
    return slotIds.stream().flatMap(slot -> Buckets.ids(slot, BUCKETS).stream()).toList();
  }

  /** Drops tombstones older than the TTL; an update older than that can no longer be on its way. */
  @Scheduled(fixedDelayString = "${hotline.casework.tombstone-ttl}")
  void compact() {
    Instant cutoff = clock.instant().minus(settings.tombstoneTtl());
    for (String slotId : buckets(allSlots())) {
      Document slot = slots.find(Filters.eq("_id", slotId)).first();
      Document entries = slot == null ? null : slot.get("entries", Document.class);
      if (entries == null) {
        continue;
      }
      entries.forEach((ticketId, value) -> {
        Document e = (Document) value;
        if (e.getBoolean("gone", false) && e.getDate("at").toInstant().isBefore(cutoff)) {
          slots.updateOne(Filters.and(Filters.eq("_id", slotId), Filters.eq(ENTRIES + ticketId + ".gone", true),
              Filters.eq(ENTRIES + ticketId + ".rev", e.getInteger("rev"))), Updates.unset(ENTRIES + ticketId));
        }
      });
    }
  }
}
