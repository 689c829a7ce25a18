package city.hotline.feedback.stats;

import city.hotline.support.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Repository;

/**
 * Where the statistics read model lives. It comes in numbered generations, each a set of collections
 * ({@code stats_g<n>_…}): the dashboard reads one, the listener writes one — or two while a rebuild
 * fills the next from the topics. {@code stats_meta} says which.
 */
@Repository
class StatsStore {
  private static final Logger log = LoggerFactory.getLogger(StatsStore.class);
  private static final String META = "generations";
  private static final List<String> SUPERSEDED = List.of("stats_daily", "stats_counted");

  private final MongoDatabase database;
  private final MongoCollection<Document> meta;
  private final Clock clock;
  private final Map<Integer, Generation> generations = new ConcurrentHashMap<>();
  private volatile Meta cached;
  private volatile Instant cachedAt = Instant.EPOCH;

  /** A ticket's registration day (yyyy-MM-dd in the statistics' zone), by which the case list reads tickets. */
  static final String TICKET_DAY = "day";

  /**
   * The collections of one generation: per-cell ticket sets ({@code cells}), per-ticket first counts
   * ({@code tickets}, indexed by registration day for the case list), cells changed since the last
   * roll-up ({@code dirty}), per-day counters ({@code rollups}, versioned in {@code index}).
   */
  record Generation(int number, MongoCollection<Document> cells, MongoCollection<Document> tickets,
      MongoCollection<Document> dirty, MongoCollection<Document> rollups, MongoCollection<Document> index,
      MongoCollection<Document> units) {}

  /** @param read the generation the dashboard shows; @param write those the listener keeps up to date */
  record Meta(int read, List<Integer> write, Document rebuild) {}

  StatsStore(MongoDatabase database, Clock clock) {
    this.database = database;
    this.meta = database.getCollection("stats_meta");
    this.clock = clock;
    Inserts.insertIfAbsent(meta, new Document("_id", META).append("read", 1).append("write", List.of(1)));
    dropSuperseded();
  }

  Generation generation(int number) {
    return generations.computeIfAbsent(number, n -> {
      String prefix = "stats_g" + n + "_";
      MongoCollection<Document> tickets = database.getCollection(prefix + "tickets");
      // 工单明细: the case list reads a day's tickets in ticket order, a batch at a time.
      tickets.createIndex(Indexes.ascending(TICKET_DAY, "_id"));
      return new Generation(n, database.getCollection(prefix + "cells"), tickets,
          database.getCollection(prefix + "dirty"), database.getCollection(prefix + "rollups"),
          database.getCollection(prefix + "index"), database.getCollection(prefix + "units"));
    });
  }

  Meta meta() {
    Document d = meta.find(Filters.eq("_id", META)).first();
    Meta fresh = new Meta(d.getInteger("read"), d.getList("write", Integer.class), d.get("rebuild", Document.class));
    cached = fresh;
    cachedAt = clock.instant();
    return fresh;
  }

  /** The meta document as read at most {@code maxAge} ago: the listener asks for it with every record. */
  Meta meta(java.time.Duration maxAge) {
    Meta current = cached;
    return current != null && clock.instant().isBefore(cachedAt.plus(maxAge)) ? current : meta();
  }

  /** Changes the meta document only if it still is as {@code expected}; the change wins or loses whole. */
  boolean changeMeta(Bson expected, Bson change) {
    Document after = meta.findOneAndUpdate(Filters.and(Filters.eq("_id", META), expected), change,
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    if (after != null) {
      meta();
    }
    return after != null;
  }

  void drop(Generation generation) {
    for (MongoCollection<Document> c : List.of(generation.cells(), generation.tickets(), generation.dirty(),
        generation.rollups(), generation.index(), generation.units())) {
      c.drop();
    }
    generations.remove(generation.number());
  }

  Date now() {
    return Date.from(clock.instant());
  }

  /** The read model before generations kept ticket sets per day bucket; the topics rebuild it whole. */
  private void dropSuperseded() {
    List<String> present = database.listCollectionNames().into(new ArrayList<>());
    for (String name : SUPERSEDED) {
      if (present.contains(name)) {
        database.getCollection(name).drop();
        log.info("dropped the superseded statistics collection {}: generation 1 is rebuilt from the topics", name);
      }
    }
  }

  static Bson unchanged(Meta seen) {
    return Filters.and(Filters.eq("read", seen.read()), Filters.eq("write", seen.write()));
  }

  static Bson setWrite(List<Integer> write) {
    return Updates.set("write", write);
  }
}
