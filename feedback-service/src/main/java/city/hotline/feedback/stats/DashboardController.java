package city.hotline.feedback.stats;

import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The leadership's figures (考核指标): summary, ranking, trend and categories, read from the roll-ups. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {
  private final DashboardQueries queries;
  private final StatsSettings settings;
  private final ReferenceNames names;
  private final Clock clock;

  DashboardController(DashboardQueries queries, StatsSettings settings, ReferenceNames names, Clock clock) {
    this.queries = queries;
    this.settings = settings;
    this.names = names;
    this.clock = clock;
  }

  @GetMapping("/summary")
  Summary summary(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String unitId,
      @RequestParam(required = false) String category) {
    return queries.summary(filter(from, to, district, unitId, category));
  }

  /** 排名 by 综合得分 ({@link DashboardQueries.Ranking}) or, with scheme=three-rates, the 三率 scorecard. */
  @GetMapping("/ranking")
  Object ranking(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "district") String by,
      @RequestParam(defaultValue = "weighted") String scheme,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String category) {
    DashboardQueries.Scheme chosen = choice(DashboardQueries.Scheme.class, "scheme", scheme);
    DashboardFilter f = filter(from, to, district, null, category);
    DashboardQueries.RankBy rankBy = choice(DashboardQueries.RankBy.class, "by", by);
    return chosen == DashboardQueries.Scheme.THREE_RATES ? queries.threeRates(f, rankBy) : queries.ranking(f, rankBy);
  }

  /** 每月一题 candidates: what rose against the previous period and the same period a year earlier. */
  @GetMapping("/hotspots")
  Hotspots hotspots(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to) {
    return queries.hotspots(filter(from, to, null, null, null));
  }

  @GetMapping("/trend")
  DashboardQueries.Trend trend(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(defaultValue = "day") String interval,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String unitId,
      @RequestParam(required = false) String category) {
    return queries.trend(filter(from, to, district, unitId, category),
        choice(DashboardQueries.Interval.class, "interval", interval));
  }

  @GetMapping("/categories")
  DashboardQueries.Categories categories(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String unitId) {
    return queries.categories(filter(from, to, district, unitId, null));
  }

  DashboardFilter filter(LocalDate from, LocalDate to, String district, String unitId, String category) {
    return DashboardFilter.of(from, to, district, unitId, category, LocalDate.now(clock.withZone(settings.zone())),
        settings, names);
  }

  /**
   * A lower-case choice such as {@code by=district} or {@code scheme=three-rates} (a dash for the constant's
   * underscore), or a 400 naming the field and the choices.
   */
  static <E extends Enum<E>> E choice(Class<E> type, String field, String value) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      List<String> allowed = java.util.Arrays.stream(type.getEnumConstants())
          .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
      throw ApiException.invalid(List.of(new FieldProblem(field, "must be one of " + String.join(", ", allowed))));
    }
  }
}
