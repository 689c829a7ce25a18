package city.hotline.feedback.stats;

import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The leadership's figures (考核指标): summary, ranking, trend and categories, read from the roll-ups. Each question
 * reads all its parameters before answering, so one 400 names every bad one (days are taken as text for that).
 */
@RestController
@RequestMapping("/api/dashboard")
public class DashboardController {
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
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String unitId,
      @RequestParam(required = false) String category) {
    List<FieldProblem> problems = new ArrayList<>();
    DashboardFilter f = filter(from, to, district, unitId, category, problems);
    refuse(problems);
    return queries.summary(f);
  }

  /** 排名 by 综合得分 ({@link DashboardQueries.Ranking}) or, with scheme=three-rates, the 三率 scorecard. */
  @GetMapping("/ranking")
  Object ranking(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "district") String by,
      @RequestParam(defaultValue = "weighted") String scheme,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String category) {
    List<FieldProblem> problems = new ArrayList<>();
    DashboardQueries.Scheme chosen = choice(DashboardQueries.Scheme.class, "scheme", scheme, problems);
    DashboardQueries.RankBy rankBy = choice(DashboardQueries.RankBy.class, "by", by, problems);
    DashboardFilter f = filter(from, to, district, null, category, problems);
    refuse(problems);
    return chosen == DashboardQueries.Scheme.THREE_RATES ? queries.threeRates(f, rankBy) : queries.ranking(f, rankBy);
  }

  /**
   * 每月一题 candidates: what rose against the previous period and the same days a year earlier. The period may not
   * reach past today: days to come have no calls, so they would only make a rise look smaller.
   */
  @GetMapping("/hotspots")
  Hotspots hotspots(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to) {
    List<FieldProblem> problems = new ArrayList<>();
    DashboardFilter f = DashboardFilter.read(from, to, null, null, null, today(), today(), settings, names, problems);
    refuse(problems);
    return queries.hotspots(f);
  }

  @GetMapping("/trend")
  DashboardQueries.Trend trend(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(defaultValue = "day") String interval,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String unitId,
      @RequestParam(required = false) String category) {
    List<FieldProblem> problems = new ArrayList<>();
    DashboardQueries.Interval chosen = choice(DashboardQueries.Interval.class, "interval", interval, problems);
    DashboardFilter f = filter(from, to, district, unitId, category, problems);
    refuse(problems);
    return queries.trend(f, chosen);
  }

  @GetMapping("/categories")
  DashboardQueries.Categories categories(
      @RequestParam(required = false) String from,
      @RequestParam(required = false) String to,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String unitId) {
    List<FieldProblem> problems = new ArrayList<>();
    DashboardFilter f = filter(from, to, district, unitId, null, problems);
    refuse(problems);
    return queries.categories(f);
  }

  /** The question's period and filters, or null with each broken rule added to the problems. */
  DashboardFilter filter(String from, String to, String district, String unitId, String category,
      List<FieldProblem> problems) {
    return DashboardFilter.read(from, to, district, unitId, category, null, today(), settings, names, problems);
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(settings.zone()));
  }

  /** One 400 naming every problem found, if there is one. */
  static void refuse(List<FieldProblem> problems) {
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
  }

  /**
   * A lower-case choice such as {@code by=district} or {@code scheme=three-rates} (a dash for the constant's
   * underscore); null when it is none of them, with a problem naming the field and the choices. The alerts' list
   * reads its {@code state} with it too.
   */
  public static <E extends Enum<E>> E choice(Class<E> type, String field, String value, List<FieldProblem> problems) {
    try {
      return Enum.valueOf(type, value.toUpperCase(Locale.ROOT).replace('-', '_'));
    } catch (IllegalArgumentException e) {
      List<String> allowed = Arrays.stream(type.getEnumConstants())
          .map(c -> c.name().toLowerCase(Locale.ROOT).replace('_', '-')).toList();
      problems.add(new FieldProblem(field, "must be one of " + String.join(", ", allowed)));
      return null;
    }
  }
}
