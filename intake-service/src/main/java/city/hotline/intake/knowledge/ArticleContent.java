package city.hotline.intake.knowledge;

import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * What an editor writes in an article (知识条目): the title, the questions as callers ask them, the answer, the policy
 * it rests on (政策依据), its category and responsible unit, and the period it is valid in. Also the body of
 * {@code POST/PUT /api/knowledge/articles}.
 *
 * @param unitId the unit as dispatch names it (e.g. JIANGAN_CGJ), null for an answer that holds city-wide
 * @param validFrom from when the answer holds, null for "since ever"
 * @param validUntil until when (exclusive), null for "until retired"
 */
public record ArticleContent(String title, List<String> questions, String answer, String source, String category,
    String unitId, Instant validFrom, Instant validUntil) {

  static final int MAX_TITLE = 100;
  static final int MAX_QUESTION = 200;
  static final int MAX_QUESTIONS = 20;
  static final int MAX_ANSWER = 5000;
  static final int MAX_SOURCE = 200;
  private static final Pattern UNIT_ID = Pattern.compile("[A-Z][A-Z0-9_]{0,63}");

  /** The same content with blanks trimmed away: blank optional fields are absent, blank questions dropped. */
  public ArticleContent normalized() {
    List<String> asked = questions == null ? List.of()
        : questions.stream().filter(Objects::nonNull).map(String::strip).filter(q -> !q.isEmpty()).toList();
    return new ArticleContent(strip(title), asked, strip(answer), strip(source), strip(category), strip(unitId),
        validFrom, validUntil);
  }

  /**
   * Every rule the content breaks, all at once (400 with {@code errors:[{field,message}]}).
   *
   * @param isCategory whether a code is one of the reference categories
   * @return the normalized content when it is valid
   */
  public ArticleContent validated(Predicate<String> isCategory) {
    ArticleContent content = normalized();
    List<FieldProblem> errors = content.problems(isCategory);
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
    return content;
  }

  List<FieldProblem> problems(Predicate<String> isCategory) {
    List<FieldProblem> errors = new ArrayList<>();
    required(errors, "title", title, MAX_TITLE);
    if (questions.isEmpty()) {
      errors.add(new FieldProblem("questions", "must name at least one question as a caller would ask it"));
    } else if (questions.size() > MAX_QUESTIONS) {
      errors.add(new FieldProblem("questions", "must have at most " + MAX_QUESTIONS + " questions"));
    }
    for (int i = 0; i < questions.size(); i++) {
      if (questions.get(i).length() > MAX_QUESTION) {
        errors.add(new FieldProblem("questions[" + i + "]", "must be at most " + MAX_QUESTION + " characters"));
      }
    }
    required(errors, "answer", answer, MAX_ANSWER);
    if (source != null && source.length() > MAX_SOURCE) {
      errors.add(new FieldProblem("source", "must be at most " + MAX_SOURCE + " characters"));
    }
    if (category == null) {
      errors.add(new FieldProblem("category", "is required"));
    } else if (!isCategory.test(category)) {
      errors.add(new FieldProblem("category", "must be one of the codes listed by /api/reference/categories"));
    }
    if (unitId != null && !UNIT_ID.matcher(unitId).matches()) {
      errors.add(new FieldProblem("unitId", "must be a unit id such as JIANGAN_CGJ, or null for the whole city"));
    }
    if (validFrom != null && validUntil != null && !validUntil.isAfter(validFrom)) {
      errors.add(new FieldProblem("validUntil", "must be after validFrom"));
    }
    return errors;
  }

  /** Whether an answer valid in this period holds at {@code now}: from validFrom (inclusive) until validUntil. */
  public boolean validAt(Instant now) {
    return (validFrom == null || !validFrom.isAfter(now)) && (validUntil == null || now.isBefore(validUntil));
  }

  /** The same content for another unit and validity (a bureau's correction keeps the article's own). */
  ArticleContent withScope(String unit, Instant from, Instant until) {
    return new ArticleContent(title, questions, answer, source, category, unit, from, until);
  }

  private static void required(List<FieldProblem> errors, String field, String value, int max) {
    if (value == null) {
      errors.add(new FieldProblem(field, "is required"));
    } else if (value.length() > max) {
      errors.add(new FieldProblem(field, "must be at most " + max + " characters"));
    }
  }

  private static String strip(String value) {
    return value == null || value.isBlank() ? null : value.strip();
  }
}
