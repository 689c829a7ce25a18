package city.hotline.feedback.stats;

import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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

  public static DashboardFilter of(LocalDate from, LocalDate to, String district, String unitId, String category,
      LocalDate today, StatsSettings settings, ReferenceNames names) {
    district = blankToNull(district);
    unitId = blankToNull(unitId);
    category = blankToNull(category);
    LocalDate end = to != null ? to : today;
    LocalDate start = from != null ? from : end.minusDays(settings.defaultPeriodDays() - 1L);
    List<FieldProblem> problems = new ArrayList<>();
    if (start.isAfter(end)) {
      problems.add(new FieldProblem("from", "must not be after 'to'"));
    } else if (ChronoUnit.DAYS.between(start, end) + 1 > settings.maxPeriodDays()) {
      problems.add(new FieldProblem("from", "the period may cover at most " + settings.maxPeriodDays() + " days"));
    }
    if (district != null && !names.isDistrict(district)) {
      problems.add(new FieldProblem("district", "must be a district code from /api/reference/districts"));
    }
    if (category != null && !names.isCategory(category)) {
      problems.add(new FieldProblem("category", "must be a category code from /api/reference/categories"));
    }
    if (unitId != null && !UNIT.matcher(unitId).matches()) {
      problems.add(new FieldProblem("unitId", "must be a unit id (2-64 of A-Z 0-9 _, starting with a letter)"));
    }
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    return new DashboardFilter(start, end, district, unitId, category);
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
