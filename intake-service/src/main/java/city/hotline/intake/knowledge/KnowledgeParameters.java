package city.hotline.intake.knowledge;

import city.hotline.intake.reference.ReferenceData;
import city.hotline.intake.web.QueryParameters;
import city.hotline.support.web.IfMatch;
import java.util.Map;
import java.util.OptionalInt;

/** Reads the knowledge API's query parameters and headers, reporting every bad one at once (400). */
final class KnowledgeParameters {
  private static final int MAX_SIZE = 100;
  private static final int DEFAULT_SIZE = 20;
  /** Deep pages cost a ranking of everything before them; nobody reads past the first hundreds of answers. */
  private static final int MAX_WINDOW = 10_000;
  private static final int MAX_WORDS_LENGTH = 200;

  private KnowledgeParameters() {}

  static ArticleSearch search(Map<String, String> params, ReferenceData reference, boolean editor) {
    QueryParameters read = new QueryParameters(params);
    String q = text(read, "q", MAX_WORDS_LENGTH);
    String category = text(read, "category", Integer.MAX_VALUE);
    if (category != null && !reference.isCategory(category)) {
      read.reject("category", "must be one of the codes listed by /api/reference/categories");
    }
    String unitId = text(read, "unitId", Integer.MAX_VALUE);
    ArticleStatus status = read.enumValue("status", ArticleStatus.class);
    int[] page = paging(read);
    read.done();
    return new ArticleSearch(q, category, unitId, editor ? status : null, !editor, page[0], page[1]);
  }

  /** Reads {@code status}, {@code page} and {@code size} of the proposals' list. */
  static ProposalList proposals(Map<String, String> params) {
    QueryParameters read = new QueryParameters(params);
    ProposalStatus status = read.enumValue("status", ProposalStatus.class);
    int[] page = paging(read);
    read.done();
    return new ProposalList(status, page[0], page[1]);
  }

  record ProposalList(ProposalStatus status, int page, int size) {}

  /** The version an {@code If-Match} header names ({@code "3"}, {@code 3} or {@code W/"3"}); null without one. */
  static Integer version(String header) {
    OptionalInt version = IfMatch.version(header);
    return version.isPresent() ? version.getAsInt() : null;
  }

  private static int[] paging(QueryParameters read) {
    int page = read.number("page", 0, 0, MAX_WINDOW);
    int size = read.number("size", DEFAULT_SIZE, 1, MAX_SIZE);
    if (read.valid() && (long) (page + 1) * size > MAX_WINDOW) {
      read.reject("page", "(page + 1) × size must be at most " + MAX_WINDOW + "; narrow the search instead");
    }
    return new int[] {page, size};
  }

  private static String text(QueryParameters read, String name, int max) {
    String value = read.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    if (value.length() > max) {
      read.reject(name, "must be at most " + max + " characters");
    }
    return value.strip();
  }
}
