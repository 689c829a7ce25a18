package city.hotline.feedback.stats;

import city.hotline.feedback.stats.Summary.Rate;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.springframework.stereotype.Service;

/** The leadership's questions (SPEC §5), answered from the in-memory roll-ups: never from cases. */
@Service
class DashboardQueries {
  private final StatsCube cube;
  private final ReferenceNames names;
  private final StatsSettings settings;
  private final ThreeRates threeRates;
  private final HotspotSettings hotspots;

  DashboardQueries(StatsCube cube, ReferenceNames names, StatsSettings settings, ThreeRatesSettings threeRates,
      HotspotSettings hotspots) {
    this.cube = cube;
    this.names = names;
    this.settings = settings;
    this.threeRates = new ThreeRates(threeRates);
    this.hotspots = hotspots;
  }

  enum RankBy { DISTRICT, UNIT }

  /** The ranking's scheme: 综合得分 (weighted) or the 三率 scorecard. */
  enum Scheme { WEIGHTED, THREE_RATES }

  enum Interval { DAY, WEEK, MONTH }

  Summary summary(DashboardFilter f) {
    Totals totals = cube.totals(f.from(), f.to(), f.grain(false, false, false), f.cells());
    return Summary.of(f.from(), f.to(), f.byUnit() ? totals.asUnit() : totals, settings.scoreWeights());
  }

  record RankedItem(int rank, String code, String name, Double score, long received, long resolved, long closed,
      long overdue, Rate claimOnTimeRate, Rate resolutionRate, Rate onTimeResolutionRate, Rate closureRate,
      Rate satisfactionRate) {}

  record Ranking(LocalDate from, LocalDate to, String by, Map<String, Double> weights, List<RankedItem> items) {}

  /** 排名: every district (all of them, even those without cases) or every unit with cases, best score first. */
  Ranking ranking(DashboardFilter f, RankBy by) {
    Map<String, Totals> groups = groups(f, by);
    List<Summary> summaries = new ArrayList<>();
    List<String> codes = new ArrayList<>();
    groups.forEach((code, totals) -> {
      codes.add(code);
      summaries.add(Summary.of(f.from(), f.to(), by == RankBy.UNIT ? totals.asUnit() : totals, settings.scoreWeights()));
    });
    List<Integer> order = new ArrayList<>();
    for (int i = 0; i < codes.size(); i++) {
      order.add(i);
    }
    Comparator<Integer> byScore = Comparator.comparing((Integer i) -> summaries.get(i).score(),
        Comparator.nullsLast(Comparator.reverseOrder()));
    order.sort(byScore.thenComparing(i -> summaries.get(i).received(), Comparator.reverseOrder())
        .thenComparing(codes::get));
    List<RankedItem> items = new ArrayList<>();
    for (int i : order) {
      Summary s = summaries.get(i);
      String code = codes.get(i);
      items.add(new RankedItem(items.size() + 1, code, name(by, code), s.score(), s.received(), s.resolved(),
          s.closed(), s.overdue(), s.claimOnTimeRate(), s.resolutionRate(), s.onTimeResolutionRate(), s.closureRate(),
          s.satisfactionRate()));
    }
    return new Ranking(f.from(), f.to(), by.name().toLowerCase(), settings.scoreWeights().asMap(), items);
  }

  /** 三率 scorecard over the same groups as the weighted ranking, with the 红黑榜. */
  ThreeRates.Ranking threeRates(DashboardFilter f, RankBy by) {
    return threeRates.rank(f.from(), f.to(), by.name().toLowerCase(), groups(f, by), code -> name(by, code));
  }

  /** Every district (even those without cases) or every unit with cases, with its totals. */
  private Map<String, Totals> groups(DashboardFilter f, RankBy by) {
    Function<CellKey, String> group = by == RankBy.DISTRICT ? CellKey::district : CellKey::unitId;
    Map<String, Totals> groups = cube.grouped(f.from(), f.to(),
        f.grain(by == RankBy.DISTRICT, by == RankBy.UNIT, false), f.cells(), group);
    groups.remove(CellKey.NO_UNIT);
    if (by == RankBy.DISTRICT) {
      names.districts().forEach(d -> groups.computeIfAbsent(d.code(), c -> new Totals()));
    }
    return groups;
  }

  private String name(RankBy by, String code) {
    return by == RankBy.DISTRICT ? names.district(code) : cube.unitName(code);
  }

  /** 每月一题 candidates: the category × district cells that rose against the period before and a year earlier. */
  Hotspots hotspots(DashboardFilter f) {
    Period period = f.period();
    return Hotspots.of(period, received(period), received(period.before()), received(period.yearEarlier()), names,
        hotspots.limit());
  }

  private Map<Hotspots.Spot, Long> received(Period period) {
    Map<Hotspots.Spot, Long> received = new HashMap<>();
    cube.grouped(period.from(), period.to(), StatsCube.Grain.CATEGORY, key -> true,
            key -> new Hotspots.Spot(key.district(), key.category()))
        .forEach((spot, totals) -> received.put(spot, totals.get(Metric.RECEIVED)));
    return received;
  }

  record TrendPoint(String period, LocalDate from, LocalDate to, long received, long resolved, long closed,
      Rate closureRate, Rate onTimeResolutionRate, Rate satisfactionRate) {}

  record Trend(String interval, List<TrendPoint> points) {}

  /** 趋势: one point per day, ISO week (from Monday) or month of the period, each clipped to the period. */
  Trend trend(DashboardFilter f, Interval interval) {
    List<TrendPoint> points = new ArrayList<>();
    for (LocalDate start = f.from(); !start.isAfter(f.to()); ) {
      LocalDate end = min(periodEnd(start, interval), f.to());
      Summary s = summary(f.over(start, end));
      points.add(new TrendPoint(label(start, interval), start, end, s.received(), s.resolved(), s.closed(),
          s.closureRate(), s.onTimeResolutionRate(), s.satisfactionRate()));
      start = end.plusDays(1);
    }
    return new Trend(interval.name().toLowerCase(), points);
  }

  record CategoryItem(String code, String name, long received, long resolved, long closed, long overdue,
      Rate closureRate, Rate onTimeResolutionRate, Rate satisfactionRate) {}

  record Categories(LocalDate from, LocalDate to, List<CategoryItem> items) {}

  /** 类别分布: the figures per category, most received first. */
  Categories categories(DashboardFilter f) {
    Map<String, Totals> groups = cube.grouped(f.from(), f.to(), f.grain(false, false, true), f.cells(), CellKey::category);
    List<CategoryItem> items = new ArrayList<>();
    groups.forEach((code, totals) -> {
      Summary s = Summary.of(f.from(), f.to(), f.byUnit() ? totals.asUnit() : totals, settings.scoreWeights());
      items.add(new CategoryItem(code, names.category(code), s.received(), s.resolved(), s.closed(), s.overdue(),
          s.closureRate(), s.onTimeResolutionRate(), s.satisfactionRate()));
    });
    items.sort(Comparator.comparing(CategoryItem::received, Comparator.reverseOrder()).thenComparing(CategoryItem::code));
    return new Categories(f.from(), f.to(), items);
  }

  private static LocalDate periodEnd(LocalDate start, Interval interval) {
    return switch (interval) {
      case DAY -> start;
      case WEEK -> start.with(TemporalAdjusters.nextOrSame(DayOfWeek.SUNDAY));
      case MONTH -> start.with(TemporalAdjusters.lastDayOfMonth());
    };
  }

  private static String label(LocalDate start, Interval interval) {
    return switch (interval) {
      case DAY -> start.toString();
      case WEEK -> start.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY)).toString();
      case MONTH -> start.toString().substring(0, 7);
    };
  }

  private static LocalDate min(LocalDate a, LocalDate b) {
    return a.isBefore(b) ? a : b;
  }
}
