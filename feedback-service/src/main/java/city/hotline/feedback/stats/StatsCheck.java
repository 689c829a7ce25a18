package city.hotline.feedback.stats;

import city.hotline.feedback.stats.StatsStore.Generation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Recounts the dashboard's counters: from every ticket's winning marks (the figure, its cell and its
 * attributes) it counts each cell's figures afresh and lists every cell whose rolled-up counter differs.
 * Only meaningful once settled (no cell waiting for the roll-up); the report says whether it is.
 */
@Component
class StatsCheck {
  /** Handling-time count in a roll-up: resolutions with a known registration time. */
  private static final String HANDLED = "hn";

  private final StatsStore store;
  private final StatsRollup rollup;

  StatsCheck(StatsStore store, StatsRollup rollup) {
    this.store = store;
    this.rollup = rollup;
  }

  Document check() {
    Generation g = store.generation(store.meta().read());
    boolean settled = rollup.settled(g);
    Map<String, Map<String, Long>> recount = recount(g);
    Map<String, Map<String, Long>> rolledUp = rolledUp(g);
    List<Document> differences = new ArrayList<>();
    TreeSet<String> cells = new TreeSet<>(recount.keySet());
    cells.addAll(rolledUp.keySet());
    for (String cell : cells) {
      Map<String, Long> counted = recount.getOrDefault(cell, Map.of());
      Map<String, Long> shown = rolledUp.getOrDefault(cell, Map.of());
      TreeSet<String> figures = new TreeSet<>(counted.keySet());
      figures.addAll(shown.keySet());
      for (String figure : figures) {
        long expected = counted.getOrDefault(figure, 0L);
        long actual = shown.getOrDefault(figure, 0L);
        if (expected != actual) {
          differences.add(new Document("cell", cell).append("figure", figure)
              .append("rolledUp", actual).append("recount", expected));
        }
      }
    }
    return new Document("generation", g.number()).append("settled", settled).append("differences", differences);
  }

  private static Map<String, Map<String, Long>> recount(Generation g) {
    Map<String, Map<String, Long>> cells = new HashMap<>();
    g.tickets().find().forEach(t -> t.get("m", Document.class).forEach((name, value) -> {
      Document mark = (Document) value;
      Map<String, Long> cell = cells.computeIfAbsent(mark.getString("cell"), c -> new HashMap<>());
      cell.merge(Metric.valueOf(name).field(), 1L, Long::sum);
      for (String attribute : mark.getList("attrs", String.class, List.of())) {
        cell.merge(Metric.valueOf(attribute).field(), 1L, Long::sum);
      }
      if (mark.get("h") != null) {
        cell.merge(HANDLED, 1L, Long::sum);
      }
    }));
    return cells;
  }

  private static Map<String, Map<String, Long>> rolledUp(Generation g) {
    Map<String, Map<String, Long>> cells = new HashMap<>();
    g.rollups().find().forEach(day -> day.get("cells", new Document()).forEach((key, value) -> {
      Map<String, Long> cell = cells.computeIfAbsent(key, c -> new HashMap<>());
      Document counters = (Document) value;
      for (Metric metric : Metric.values()) {
        Number n = counters.get(metric.field(), Number.class);
        if (n != null) {
          cell.put(metric.field(), n.longValue());
        }
      }
      Number handled = counters.get(HANDLED, Number.class);
      if (handled != null) {
        cell.put(HANDLED, handled.longValue());
      }
    }));
    return cells;
  }
}
