package city.hotline.dispatch.casework;

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
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Repository;

/**
 * The queues' read model: open work only, one document per slot ({@code JIANGAN_CGJ|DISPATCHED},
 * {@code desk|RETURNED}, …) holding a summary of each case in it, so a queue is one or two keyed reads
 * whatever the size of the case history. Kept up to date from dispatch's own events (one ticket's
 * events in order) and right after writes that publish none.
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

  private final MongoCollection<Document> slots;
  private final Set<String> knownSlots = ConcurrentHashMap.newKeySet();
  private final CaseworkSettings settings;
  private final Clock clock;

  OpenWork(MongoDatabase database, CaseworkSettings settings, Clock clock) {
    this.slots = database.getCollection("open_work");
    this.settings = settings;
    this.clock = clock;
  }

  /** Whether the read model has been filled from the cases once (an upgraded database needs that). */
  boolean filled() {
    return slots.find(Filters.eq("_id", FILLED)).first() != null;
  }

  /** Written after the filling finished, so a filling cut short by a crash runs again at the next start. */
  void markFilled() {
    Inserts.insertIfAbsent(slots, new Document("_id", FILLED).append("at", Date.from(clock.instant())));
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
    for (String slot : slotsEverHeld(kase)) {
      if (!slot.equals(target)) {
        slots.updateOne(Filters.and(Filters.eq("_id", slot), Filters.lt(entry + ".rev", rev)),
            Updates.set(entry, tombstone));
      }
    }
    if (target != null) {
      ensure(target);
      slots.updateOne(Filters.and(Filters.eq("_id", target),
              Filters.or(Filters.exists(entry, false), Filters.lt(entry + ".rev", rev))),
          Updates.set(entry, QueueItem.entry(kase)));
    }
  }

  /** The live entries of the given slots. */
  List<Document> read(List<String> slotIds) {
    List<Document> entries = new ArrayList<>();
    slots.find(Filters.in("_id", slotIds)).forEach(slot -> {
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

  private void ensure(String slot) {
    if (!knownSlots.contains(slot)) {
      Inserts.insertIfAbsent(slots, new Document("_id", slot).append("entries", new Document()));
      slots.updateOne(Filters.eq("_id", REGISTRY), Updates.addToSet("ids", slot), new UpdateOptions().upsert(true));
      knownSlots.add(slot); // only once both are written: a failed write is tried again with the event
    }
  }

  /** Drops tombstones older than the TTL; an update older than that can no longer be on its way. */
  @Scheduled(fixedDelayString = "${hotline.casework.tombstone-ttl}")
  void compact() {
    Instant cutoff = clock.instant().minus(settings.tombstoneTtl());
    for (String slotId : allSlots()) {
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
