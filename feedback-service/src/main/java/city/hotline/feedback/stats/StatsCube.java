package city.hotline.feedback.stats;

import city.hotline.feedback.stats.StatsStore.Generation;
import com.mongodb.client.model.Filters;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.Predicate;
import org.bson.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Each replica's in-memory copy of the roll-ups of the generation the dashboard reads: a year of a big
 * city is a few hundred thousand small cells, summed in milliseconds. Refreshed by re-reading only the
 * days whose roll-up version moved; a new generation (after a rebuild) is loaded whole.
 *
 * <p>A read model by design, not an index kept by hand: the leaders' figures are sums over a year of
 * cases, so they are precomputed per cell (day × district × unit × category) as events arrive, and the
 * dashboard never scans cases. No secondary index could answer "how many of 400,000 cases were resolved
 * on time" without reading them all.
 */
@Component
class StatsCube {
  /** A cell without resolutions: most of them, so they share one empty histogram (never written to). */
  private static final long[] NO_BUCKETS = new long[HandlingTimes.BUCKETS];

  private static final Metric[] METRICS = Metric.values();
  /** A field a coarser grain has summed away. */
  private static final String ANY = "*";

  private final StatsStore store;
  private volatile Snapshot snapshot;

  /**
   * How fine the cells summed for a question must be: the coarsest grain that still has every field the
   * question filters or groups by. Each day is kept at every grain, so the city's summary of a year sums
   * 365 cells, a district ranking 16 a day; only a question about categories reads the cells themselves
   * (urgency is never asked, so even those are summed over it).
   */
  enum Grain {
    CITY(false, false, false), DISTRICT(true, false, false), UNIT(false, true, false),
    DISTRICT_UNIT(true, true, false), CATEGORY(true, true, true);

    private final boolean district;
    private final boolean unit;
    private final boolean category;

    Grain(boolean district, boolean unit, boolean category) {
      this.district = district;
      this.unit = unit;
      this.category = category;
    }

    static Grain keeping(boolean district, boolean unit, boolean category) {
      for (Grain grain : values()) {
        if ((grain.district || !district) && (grain.unit || !unit) && (grain.category || !category)) {
          return grain;
        }
      }
      throw new IllegalStateException("the finest grain keeps every field");
    }

    private CellKey project(LocalDate day, CellKey key) {
      return new CellKey(day, district ? key.district() : ANY, unit ? key.unitId() : ANY,
          category ? key.category() : ANY, ANY);
    }
  }

  /** One cell's counters, as rolled up. */
  record Cell(CellKey key, long[] counts, long handledCount, long handledSeconds, long[] handledBuckets) {
    void addTo(Totals totals) {
      for (Metric metric : METRICS) {
        totals.add(metric, counts[metric.ordinal()]);
      }
      if (handledCount > 0) {
        totals.handling().add(handledBuckets, handledCount, handledSeconds);
      }
    }
  }

  /** A day's roll-up summed at every grain. */
  private record Day(Map<Grain, List<Cell>> grains) {
    static Day of(LocalDate day, List<Cell> cells) {
      Map<Grain, List<Cell>> grains = new EnumMap<>(Grain.class);
      for (Grain grain : Grain.values()) {
        grains.put(grain, sum(day, cells, grain));
      }
      return new Day(grains);
    }

    List<Cell> at(Grain grain) {
      return grains.get(grain);
    }

    private static List<Cell> sum(LocalDate day, List<Cell> cells, Grain grain) {
      Map<CellKey, Totals> sums = new LinkedHashMap<>();
      for (Cell cell : cells) {
        cell.addTo(sums.computeIfAbsent(grain.project(day, cell.key()), k -> new Totals()));
      }
      List<Cell> summed = new ArrayList<>(sums.size());
      sums.forEach((key, totals) -> summed.add(cell(key, totals)));
      return summed;
    }

    private static Cell cell(CellKey key, Totals totals) {
      long[] counts = new long[METRICS.length];
      for (Metric metric : METRICS) {
        counts[metric.ordinal()] = totals.get(metric);
      }
      HandlingTimes handling = totals.handling();
      long[] buckets = handling.count() == 0 ? NO_BUCKETS : handling.buckets();
      return new Cell(key, counts, handling.count(), handling.sumSeconds(), buckets);
    }
  }

  private record Snapshot(int generation, Map<String, Long> versions, TreeMap<LocalDate, Day> days,
      Map<String, String> unitNames) {}

  StatsCube(StatsStore store) {
    this.store = store;
  }

  @Scheduled(fixedDelayString = "${hotline.stats.refresh-interval}")
  void refresh() {
    Generation g = store.generation(store.meta().read());
    Snapshot current = snapshot;
    boolean sameGeneration = current != null && current.generation() == g.number();
    Map<String, Long> versions = versions(g);
    TreeMap<LocalDate, Day> days = sameGeneration ? new TreeMap<>(current.days()) : new TreeMap<>();
    List<String> changed = versions.keySet().stream()
        .filter(day -> !sameGeneration || !versions.get(day).equals(current.versions().get(day))).toList();
    // One keyed read per day: a big city's day is about a thousand cells (a few hundred kB); a year asked for
    // with $in is scanned by the embedded store and outlasts the database timeout (docs/benchmarks.md).
    for (String day : changed) {
      Document rollup = g.rollups().find(Filters.eq("_id", day)).first();
      if (rollup != null) {
        LocalDate date = LocalDate.parse(day);
        days.put(date, Day.of(date, cells(rollup)));
      }
    }
    Map<String, String> names = new HashMap<>();
    g.units().find().forEach(u -> names.put(u.getString("_id"), u.getString("name")));
    snapshot = new Snapshot(g.number(), versions, days, names);
  }

  /** The generation and roll-up versions this copy shows, to tell whether it is up to date. */
  boolean showsLatest() {
    Snapshot current = snapshot;
    if (current == null) {
      return false;
    }
    Generation g = store.generation(store.meta().read());
    return current.generation() == g.number() && versions(g).equals(current.versions());
  }

  /** The roll-up version of each day of a generation, from its index document. */
  private static Map<String, Long> versions(Generation g) {
    Document index = g.index().find(Filters.eq("_id", "days")).first();
    Map<String, Long> versions = new HashMap<>();
    if (index != null) {
      index.get("days", Document.class).forEach((day, v) -> versions.put(day, ((Number) v).longValue()));
    }
    return versions;
  }

  /** The sum of the cells {@code filter} takes, read at {@code grain}, which must keep every field it looks at. */
  Totals totals(LocalDate from, LocalDate to, Grain grain, Predicate<CellKey> filter) {
    Totals totals = new Totals();
    forEach(from, to, grain, filter, cell -> cell.addTo(totals));
    return totals;
  }

  /** Totals per group (district, unit, category …), in the order the groups were first met. */
  <K> Map<K, Totals> grouped(LocalDate from, LocalDate to, Grain grain, Predicate<CellKey> filter,
      Function<CellKey, K> group) {
    Map<K, Totals> groups = new LinkedHashMap<>();
    forEach(from, to, grain, filter,
        cell -> cell.addTo(groups.computeIfAbsent(group.apply(cell.key()), k -> new Totals())));
    return groups;
  }

  String unitName(String unitId) {
    return current().unitNames().getOrDefault(unitId, unitId);
  }

  private void forEach(LocalDate from, LocalDate to, Grain grain, Predicate<CellKey> filter,
      java.util.function.Consumer<Cell> action) {
    for (Day day : current().days().subMap(from, true, to, true).values()) {
      for (Cell cell : day.at(grain)) {
        if (filter.test(cell.key())) {
          action.accept(cell);
        }
      }
    }
  }

  private Snapshot current() {
    if (snapshot == null) {
      synchronized (this) {
        if (snapshot == null) {
          refresh();
        }
      }
    }
    return snapshot;
  }

  private static List<Cell> cells(Document rollup) {
    Document all = rollup.get("cells", new Document());
    List<Cell> cells = new ArrayList<>(all.size());
    LocalDate day = LocalDate.parse(rollup.getString("_id"));
    all.forEach((key, value) -> {
      Document c = (Document) value;
      long[] counts = new long[Metric.values().length];
      for (Metric metric : Metric.values()) {
        Number n = c.get(metric.field(), Number.class);
        counts[metric.ordinal()] = n == null ? 0 : n.longValue();
      }
      List<?> buckets = c.getList("hb", Object.class, List.of());
      long[] hb = buckets.isEmpty() ? NO_BUCKETS : new long[HandlingTimes.BUCKETS];
      for (int i = 0; i < hb.length && i < buckets.size(); i++) {
        hb[i] = ((Number) buckets.get(i)).longValue();
      }
      cells.add(new Cell(compact(CellKey.decode(key), day), counts, number(c, "hn"), number(c, "hs"), hb));
    });
    return cells;
  }

  /**
   * The same key sharing the day's date and one copy of each code: a year holds hundreds of thousands of
   * cells over a few dozen codes.
   */
  private static CellKey compact(CellKey key, LocalDate day) {
    return new CellKey(day.equals(key.day()) ? day : key.day(), key.district().intern(), key.unitId().intern(),
        key.category().intern(), key.urgency().intern());
  }

  private static long number(Document d, String field) {
    Number n = d.get(field, Number.class);
    return n == null ? 0 : n.longValue();
  }
}
