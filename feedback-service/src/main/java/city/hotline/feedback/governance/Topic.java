package city.hotline.feedback.governance;

import city.hotline.feedback.stats.CoveredFigures;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
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
  /** A topic is tracked over a year at most: 每月一题 is a month's question, a long one a season's. */
  static final int MAX_PERIOD_DAYS = 366;

  /** What a leader asks to open, as sent. */
  public record Draft(String title, String leadUnitId, List<String> categories, List<String> districts, String target,
      LocalDate from, LocalDate to) {

    /**
     * The topic, once every rule holds (only then is an id taken); otherwise one 400 naming each broken field.
     *
     * @param isCategory whether a code is a category's (/api/reference/categories)
     * @param isDistrict whether a code is a district's (/api/reference/districts)
     */
    Topic open(Supplier<String> ids, String createdBy, Instant createdAt, Predicate<String> isCategory,
        Predicate<String> isDistrict) {
      check(isCategory, isDistrict);
      return new Topic(ids.get(), title.strip(), leadUnitId, distinct(categories), distinct(districts), target.strip(),
          from, to, createdBy, createdAt);
    }

    private void check(Predicate<String> isCategory, Predicate<String> isDistrict) {
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
      period(problems);
      if (!problems.isEmpty()) {
        throw ApiException.invalid(problems);
      }
    }

    private void period(List<FieldProblem> problems) {
      if (from == null) {
        problems.add(new FieldProblem("from", "is required"));
      }
      if (to == null) {
        problems.add(new FieldProblem("to", "is required"));
      }
      if (from == null || to == null) {
        return;
      }
      if (from.isAfter(to)) {
        problems.add(new FieldProblem("from", "must not be after 'to'"));
      } else if (ChronoUnit.DAYS.between(from, to) + 1 > MAX_PERIOD_DAYS) {
        problems.add(new FieldProblem("to", "the period may cover at most " + MAX_PERIOD_DAYS + " days"));
      }
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
