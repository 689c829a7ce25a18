package city.hotline.feedback.stats;

import city.hotline.feedback.stats.Summary.Rate;
import java.time.LocalDate;
import java.util.Collection;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * The statistics as another feature reads them (a governance topic, 每月一题): the figures of the calls in some
 * categories and districts, the codes they may name and the units' names, from the same in-memory roll-ups as the
 * dashboard.
 */
@Component
public class CoveredFigures {
  private final StatsCube cube;
  private final ReferenceNames names;
  private final StatsSettings settings;

  CoveredFigures(StatsCube cube, ReferenceNames names, StatsSettings settings) {
    this.cube = cube;
    this.names = names;
    this.settings = settings;
  }

  /** What a governance topic follows of its calls: how many came and were resolved, 结案率 and 满意率. */
  public record Figures(long received, long resolved, Rate closureRate, Rate satisfactionRate) {}

  /** The figures of the calls in these categories and districts (no districts: the whole city), both days included. */
  public Figures of(LocalDate from, LocalDate to, Collection<String> categories, Collection<String> districts) {
    Set<String> inCategories = Set.copyOf(categories);
    Set<String> inDistricts = Set.copyOf(districts);
    Totals totals = cube.totals(from, to, StatsCube.Grain.CATEGORY, key -> inCategories.contains(key.category())
        && (inDistricts.isEmpty() || inDistricts.contains(key.district())));
    Summary s = Summary.of(from, to, totals, settings.scoreWeights());
    return new Figures(s.received(), s.resolved(), s.closureRate(), s.satisfactionRate());
  }

  public boolean isCategory(String code) {
    return names.isCategory(code);
  }

  public boolean isDistrict(String code) {
    return names.isDistrict(code);
  }

  /** The unit's name as dispatch last gave it, else its id. */
  public String unitName(String unitId) {
    return cube.unitName(unitId);
  }

  /** Whether it is written as a unit id is (the dashboard's rule for {@code unitId}). */
  public static boolean isUnitId(String id) {
    return DashboardFilter.UNIT.matcher(id).matches();
  }
}
