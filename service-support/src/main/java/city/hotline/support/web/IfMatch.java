package city.hotline.support.web;

import city.hotline.support.web.ApiException.FieldProblem;
import java.util.List;
import java.util.OptionalInt;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Optimistic locking for edits of versioned data (routing rules, calendar years, knowledge articles): the response
 * carries {@code ETag: "<version>"}, and an edit sent with {@code If-Match: "<version>"} is applied only
 * while that is still the version in force, so someone who edited an old copy gets a 409 instead of
 * silently overwriting a colleague's change. Without the header an edit is based on what the server reads.
 */
public final class IfMatch {
  public static final String HEADER = "If-Match";
  private static final Pattern VERSION = Pattern.compile("(?:W/)?\"?(\\d{1,9})\"?");

  private IfMatch() {}

  /** The version an {@code If-Match} header names; none without the header, a 400 when it names no version. */
  public static OptionalInt version(String header) {
    if (header == null || header.isBlank()) {
      return OptionalInt.empty();
    }
    Matcher matcher = VERSION.matcher(header.strip());
    if (!matcher.matches()) {
      throw ApiException.invalid(List.of(new FieldProblem(HEADER, "must be the version from the ETag, e.g. \"3\"")));
    }
    return OptionalInt.of(Integer.parseInt(matcher.group(1)));
  }

  /** Refuses (409) an edit based on another version than {@code actual} (0 when the thing does not exist yet). */
  public static void check(OptionalInt expected, int actual, String what) {
    if (expected.isPresent() && expected.getAsInt() != actual) {
      throw ApiException.conflict(what + " is at version " + actual + ", not " + expected.getAsInt()
          + ": someone changed it meanwhile; reload it and try again");
    }
  }

  public static String etag(int version) {
    return "\"" + version + "\"";
  }
}
