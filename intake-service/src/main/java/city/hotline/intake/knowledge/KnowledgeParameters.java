package city.hotline.intake.knowledge;

import city.hotline.intake.reference.ReferenceData;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reads the knowledge API's query parameters and headers, reporting every bad one at once (400). */
final class KnowledgeParameters {
  static final String IF_MATCH = "If-Match";
  private static final int MAX_SIZE = 100;
  private static final int DEFAULT_SIZE = 20;
  /** Deep pages cost a ranking of everything before them; nobody reads past the first hundreds of answers. */
  private static final int MAX_WINDOW = 10_000;
  private static final int MAX_WORDS_LENGTH = 200;
  private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,9})\"?");

  private final Map<String, String> params;
  private final List<FieldProblem> errors = new ArrayList<>();

  private KnowledgeParameters(Map<String, String> params) {
    this.params = params;
  }

  static ArticleSearch search(Map<String, String> params, ReferenceData reference, boolean editor) {
    KnowledgeParameters read = new KnowledgeParameters(params);
    String q = read.text("q", MAX_WORDS_LENGTH);
    String category = read.text("category", Integer.MAX_VALUE);
    if (category != null && !reference.isCategory(category)) {
      read.errors.add(new FieldProblem("category", "must be one of the codes listed by /api/reference/categories"));
    }
    String unitId = read.text("unitId", Integer.MAX_VALUE);
    ArticleStatus status = read.enumValue("status", ArticleStatus.class);
    int[] page = read.paging();
    read.done();
    return new ArticleSearch(q, category, unitId, editor ? status : null, !editor, page[0], page[1]);
  }

  /** Reads {@code status}, {@code page} and {@code size} of the proposals' list. */
  static ProposalList proposals(Map<String, String> params) {
    KnowledgeParameters read = new KnowledgeParameters(params);
    ProposalStatus status = read.enumValue("status", ProposalStatus.class);
    int[] page = read.paging();
    read.done();
    return new ProposalList(status, page[0], page[1]);
  }

  record ProposalList(ProposalStatus status, int page, int size) {}

  /** The version an {@code If-Match} header names ({@code "3"}, {@code 3} or {@code W/"3"}); null without one. */
  static Integer version(String header) {
    if (header == null || header.isBlank()) {
      return null;
    }
    Matcher matcher = VERSION.matcher(header.strip());
    if (!matcher.matches()) {
      throw ApiException.invalid(List.of(new FieldProblem(IF_MATCH, "must be the version from the ETag, e.g. \"3\"")));
    }
    return Integer.parseInt(matcher.group(1));
  }

  private int[] paging() {
    int page = number("page", 0, 0, MAX_WINDOW);
    int size = number("size", DEFAULT_SIZE, 1, MAX_SIZE);
    if (errors.isEmpty() && (long) (page + 1) * size > MAX_WINDOW) {
      errors.add(new FieldProblem("page", "(page + 1) × size must be at most " + MAX_WINDOW
          + "; narrow the search instead"));
    }
    return new int[] {page, size};
  }

  private String text(String name, int max) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > max) {
      errors.add(new FieldProblem(name, "must be at most " + max + " characters"));
    }
    return value.strip();
  }

  private <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      errors.add(new FieldProblem(name, "must be one of " + Arrays.toString(type.getEnumConstants())));
      return null;
    }
  }

  private int number(String name, int fallback, int min, int max) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int n = Integer.parseInt(value);
      if (n >= min && n <= max) {
        return n;
      }
    } catch (NumberFormatException e) {
      // reported below, like an out-of-range number
    }
    errors.add(new FieldProblem(name, "must be a whole number from " + min + " to " + max));
    return fallback;
  }

  private void done() {
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }
}
