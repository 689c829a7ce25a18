package city.hotline.intake.web;

import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A request's query parameters read one by one, collecting every bad one so that {@link #done()} reports them all at
 * once (400) rather than the first. A parameter absent or blank reads as not given.
 */
public final class QueryParameters {
  private final Map<String, String> params;
  private final List<FieldProblem> errors = new ArrayList<>();

  public QueryParameters(Map<String, String> params) {
    this.params = params;
  }

  /** The parameter as sent, null when absent. */
  public String get(String name) {
    return params.get(name);
  }

  /** Records a problem with a parameter, reported by {@link #done()}. */
  public void reject(String name, String message) {
    errors.add(new FieldProblem(name, message));
  }

  public boolean valid() {
    return errors.isEmpty();
  }

  /** The constant of that exact name; null when not given or not one of them (then reported). */
  public <E extends Enum<E>> E enumValue(String name, Class<E> type) {
    String value = params.get(name);
    if (value == null || value.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, value);
    } catch (IllegalArgumentException e) {
      reject(name, "must be one of " + Arrays.toString(type.getEnumConstants()));
      return null;
    }
  }

  /** A whole number from min to max; the fallback when not given, or when not such a number (then reported). */
  public int number(String name, int fallback, int min, int max) {
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
    reject(name, "must be a whole number from " + min + " to " + max);
    return fallback;
  }

  /** Throws the 400 naming every bad parameter, if there is one. */
  public void done() {
    if (!errors.isEmpty()) {
      throw ApiException.invalid(errors);
    }
  }
}
