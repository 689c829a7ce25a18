package city.hotline.feedback.stats;

import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * A dashboard question's period and filters, checked: each broken rule is named in one 400. Days are
 * calendar days in the city's zone, both ends included.
 */
public record DashboardFilter(LocalDate from, LocalDate to, String district, String unitId, String category) {
  static final Pattern UNIT = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");

  /** The filter of a question whose days are read already (the heat layer), or one 400 naming each broken rule. */
  public static DashboardFilter of(LocalDate from, LocalDate to, String district, String unitId, String category,
      LocalDate today, StatsSettings settings, ReferenceNames names) {
    List<FieldProblem> problems = new ArrayList<>();
    Period period = period(from, to, null, today, settings, problems);
    DashboardFilter filters = filters(district, unitId, category, names, problems);
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return filters.over(period.from(), period.to());
  }

  /**
   * The filter as sent, days as text, or null when a rule is broken: each broken one is added to the problems, so
   * that one 400 names them together with the question's other bad fields ({@code by}, {@code format} …).
   *
   * @param latest the last day the period may reach (hot spots: today), or null
   */
  static DashboardFilter read(String from, String to, String district, String unitId, String category,
      LocalDate latest, LocalDate today, StatsSettings settings, ReferenceNames names, List<FieldProblem> problems) {
    int before = problems.size();
    LocalDate start = Period.date(Period.FROM, from, problems);
    LocalDate end = Period.date(Period.TO, to, problems);
    Period period = problems.size() == before ? period(start, end, latest, today, settings, problems) : null;
    DashboardFilter filters = filters(district, unitId, category, names, problems);
    return problems.size() == before ? filters.over(period.from(), period.to()) : null;
  }

  /** The period asked for; a missing end is today, a missing start {@code default-period-days} before the end. */
  private static Period period(LocalDate from, LocalDate to, LocalDate latest, LocalDate today,
      StatsSettings settings, List<FieldProblem> problems) {
    LocalDate end = to != null ? to : today;
    LocalDate start = from != null ? from : end.minusDays(settings.defaultPeriodDays() - 1L);
    return Period.checked(start, end, settings.maxPeriodDays(), latest, problems);
  }

  /** The district, unit and category asked for (blank: any), without a period yet. */
  private static DashboardFilter filters(String district, String unitId, String category, ReferenceNames names,
      List<FieldProblem> problems) {
    district = blankToNull(district);
    unitId = blankToNull(unitId);
    category = blankToNull(category);
    if (district != null && !names.isDistrict(district)) {
      problems.add(new FieldProblem("district", "must be a district code from /api/reference/districts"));
    }
    if (category != null && !names.isCategory(category)) {
      problems.add(new FieldProblem("category", "must be a category code from /api/reference/categories"));
    }
    if (unitId != null && !UNIT.matcher(unitId).matches()) {
      problems.add(new FieldProblem("unitId", "must be a unit id (2-64 of A-Z 0-9 _, starting with a letter)"));
    }
    return new DashboardFilter(null, null, district, unitId, category);
  }

  Period period() {
    return new Period(from, to);
  }

  /** The same question over another period (a trend's point, say). */
  DashboardFilter over(LocalDate start, LocalDate end) {
    return new DashboardFilter(start, end, district, unitId, category);
  }

  Predicate<CellKey> cells() {
    return key -> (district == null || district.equals(key.district()))
        && (unitId == null || unitId.equals(key.unitId()))
        && (category == null || category.equals(key.category()));
  }

  /** The coarsest cells that answer this filter, grouped by district, unit or category if asked. */
  StatsCube.Grain grain(boolean byDistrict, boolean byUnit, boolean byCategory) {
    return StatsCube.Grain.keeping(byDistrict || district != null, byUnit || unitId != null,
        byCategory || category != null);
  }

  boolean byUnit() {
    return unitId != null;
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
