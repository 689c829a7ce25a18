package city.hotline.feedback.governance;

import city.hotline.feedback.stats.CoveredFigures;
import city.hotline.feedback.stats.Period;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.function.Predicate;
import java.util.function.Supplier;
import org.bson.codecs.pojo.annotations.BsonId;

/**
 * 每月一题: a governance topic a leader opens on a hot spot — the calls it is about (categories, and districts or the
 * whole city), the unit that leads it, its target and its period — whose calls are then tracked week by week before,
 * during and after. One document in {@code governance_topics}, read by the driver's record codec.
 *
 * @param districts empty: the whole city
 * @param target what the topic sets out to achieve, in the leader's words (治理目标)
 */
public record Topic(
    @BsonId String id,
    String title,
    String leadUnitId,
    List<String> categories,
    List<String> districts,
    String target,
    LocalDate from,
    LocalDate to,
    String createdBy,
    Instant createdAt) {

  static final int MAX_TITLE = 100;
  static final int MAX_TARGET = 500;

  /** What a leader asks to open, as sent: days as text, so that a malformed one is named with the other problems. */
  public record Draft(String title, String leadUnitId, List<String> categories, List<String> districts, String target,
      String from, String to) {

    /**
     * The topic, once every rule holds (only then is an id taken); otherwise one 400 naming each broken field.
     *
     * @param isCategory whether a code is a category's (/api/reference/categories)
     * @param isDistrict whether a code is a district's (/api/reference/districts)
     * @param maxPeriodDays the longest period a topic may cover (hotline.governance-topics.max-period-days)
     */
    Topic open(Supplier<String> ids, String createdBy, Instant createdAt, Predicate<String> isCategory,
        Predicate<String> isDistrict, int maxPeriodDays) {
      Period period = check(isCategory, isDistrict, maxPeriodDays);
      return new Topic(ids.get(), title.strip(), leadUnitId, distinct(categories), distinct(districts), target.strip(),
          period.from(), period.to(), createdBy, createdAt);
    }

    private Period check(Predicate<String> isCategory, Predicate<String> isDistrict, int maxPeriodDays) {
      List<FieldProblem> problems = new ArrayList<>();
      text("title", title, MAX_TITLE, problems);
      if (leadUnitId == null || leadUnitId.isBlank()) {
        problems.add(new FieldProblem("leadUnitId", "is required"));
      } else if (!CoveredFigures.isUnitId(leadUnitId)) {
        problems.add(new FieldProblem("leadUnitId", "must be a unit id (2-64 of A-Z 0-9 _, starting with a letter)"));
      }
      if (categories == null || categories.isEmpty()) {
        problems.add(new FieldProblem("categories",
            "must name at least one category code from /api/reference/categories"));
      } else {
        codes("categories", categories, isCategory, "/api/reference/categories", problems);
      }
      codes("districts", districts, isDistrict, "/api/reference/districts", problems);
      text("target", target, MAX_TARGET, problems);
      Period period = period(maxPeriodDays, problems);
      if (!problems.isEmpty()) {
        throw ApiException.invalid(problems);
      }
      return period;
    }

    /** Both days required; then the rules of every period ({@link Period}), a topic's reaching any day ahead. */
    private Period period(int maxPeriodDays, List<FieldProblem> problems) {
      int before = problems.size();
      LocalDate start = required(Period.FROM, from, problems);
      LocalDate end = required(Period.TO, to, problems);
      return problems.size() == before ? Period.checked(start, end, maxPeriodDays, null, problems) : null;
    }

    private static LocalDate required(String field, String value, List<FieldProblem> problems) {
      if (value == null || value.isBlank()) {
        problems.add(new FieldProblem(field, "is required"));
        return null;
      }
      return Period.date(field, value, problems);
    }

    private static void text(String field, String value, int max, List<FieldProblem> problems) {
      if (value == null || value.isBlank()) {
        problems.add(new FieldProblem(field, "is required"));
      } else if (value.strip().length() > max) {
        problems.add(new FieldProblem(field, "must be at most " + max + " characters"));
      }
    }

    private static void codes(String field, List<String> codes, Predicate<String> known, String source,
        List<FieldProblem> problems) {
      List<String> unknown = codes == null ? List.of()
          : codes.stream().filter(code -> code == null || !known.test(code)).map(String::valueOf).distinct().toList();
      if (!unknown.isEmpty()) {
        problems.add(new FieldProblem(field, "must be codes from " + source + " (unknown: "
            + String.join(", ", unknown) + ")"));
      }
    }

    private static List<String> distinct(List<String> codes) {
      return codes == null ? List.of() : List.copyOf(new LinkedHashSet<>(codes));
    }
  }
}
