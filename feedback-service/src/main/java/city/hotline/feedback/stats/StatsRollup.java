package city.hotline.feedback.stats;

import city.hotline.feedback.stats.StatsStore.Generation;
import city.hotline.support.metrics.ClockPasses;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Sums the cells that changed into per-day roll-ups of plain counters, which is all the dashboard
 * reads. A cell is marked dirty after each change and unmarked only if no mark came after the
 * roll-up read it, so no change is ever left out. Any replica may run it; two at once write the same.
 * Each scheduled pass that got through is reported to {@link ClockPasses} as clock {@code stats-rollup}, so a
 * roll-up that keeps failing (database down) shows as stalled while the dashboard's figures stand still.
 */
@Component
class StatsRollup {
  static final String CLOCK = "stats-rollup";
  private static final int BATCH = 500;

  private final StatsStore store;
  private final ClockPasses.Pass passes;

  StatsRollup(StatsStore store, StatsSettings settings, ClockPasses clocks) {
    this.store = store;
    this.passes = clocks.register(CLOCK, settings.rollupInterval());
  }

  @Scheduled(fixedDelayString = "${hotline.stats.rollup-interval}")
  void tick() {
    for (int generation : store.meta().write()) {
      while (rollUp(store.generation(generation)) == BATCH) {
        // a full batch: more may be waiting
      }
    }
    passes.completed(); // not reached when the pass threw
  }

  /** @return how many dirty cells it rolled up */
  int rollUp(Generation g) {
    List<Document> dirty = g.dirty().find().limit(BATCH).into(new ArrayList<>());
    if (dirty.isEmpty()) {
      return 0;
    }
    List<String> keys = dirty.stream().map(d -> d.getString("_id")).toList();
    Map<String, Document> cells = new LinkedHashMap<>();
    g.cells().find(Filters.in("_id", keys)).forEach(c -> cells.put(c.getString("_id"), c));
    Map<String, List<Bson>> byDay = new LinkedHashMap<>();
    for (String key : keys) {
      String day = CellKey.decode(key).day().toString();
      Document counters = counters(cells.get(key));
      byDay.computeIfAbsent(day, d -> new ArrayList<>())
          .add(counters == null ? Updates.unset("cells." + key) : Updates.set("cells." + key, counters));
    }
    byDay.forEach((day, updates) -> {
      updates.add(Updates.inc("v", 1L));
      Document after = g.rollups().findOneAndUpdate(Filters.eq("_id", day), Updates.combine(updates),
          new com.mongodb.client.model.FindOneAndUpdateOptions().upsert(true)
              .returnDocument(com.mongodb.client.model.ReturnDocument.AFTER));
      g.index().updateOne(Filters.eq("_id", "days"), Updates.max("days." + day, after.getLong("v")),
          new UpdateOptions().upsert(true));
    });
    for (Document d : dirty) {
      g.dirty().deleteOne(Filters.and(Filters.eq("_id", d.getString("_id")), Filters.eq("v", d.get("v"))));
    }
    return dirty.size();
  }

  /** Whether everything counted so far is in the roll-ups. */
  boolean settled(Generation g) {
    return g.dirty().countDocuments() == 0;
  }

  /** A cell's counters (the sizes of its ticket sets) and handling-time histogram; null if it counts nothing. */
  static Document counters(Document cell) {
    if (cell == null) {
      return null;
    }
    Document counters = new Document();
    for (Metric metric : Metric.values()) {
      int n = cell.getList(metric.field(), String.class, List.of()).size();
      if (n > 0) {
        counters.append(metric.field(), (long) n);
      }
    }
    Document seconds = cell.get("h", Document.class);
    if (seconds != null && !seconds.isEmpty()) {
      HandlingTimes h = new HandlingTimes();
      seconds.values().forEach(s -> h.add(((Number) s).longValue()));
      counters.append("hn", h.count()).append("hs", h.sumSeconds());
      List<Long> buckets = new ArrayList<>();
      for (long b : h.buckets()) {
        buckets.add(b);
      }
      counters.append("hb", buckets);
    }
    return counters.isEmpty() ? null : counters;
  }
}
