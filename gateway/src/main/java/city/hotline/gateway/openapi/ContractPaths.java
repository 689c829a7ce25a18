package city.hotline.gateway.openapi;

import java.util.List;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Paths as the contract writes them, and the concrete paths put to the gateway's routes and rules. */
final class ContractPaths {
  /** The HTTP methods an OpenAPI path item may hold, in the order the contract lists them. */
  static final List<String> METHODS = List.of("get", "put", "post", "delete", "options", "head", "patch", "trace");
  /** Open311 answers the same resource as JSON or XML by the path's suffix (GeoReport v2: {@code services.json}). */
  static final List<String> FORMATS = List.of("json", "xml");
  static final String FORMAT_PARAMETER = "format";

  private static final Pattern VARIABLE = Pattern.compile("\\{[^}/]*}");
  private static final Pattern FORMAT_SUFFIX = Pattern.compile("^(.*/[^/]+)\\.(" + String.join("|", FORMATS) + ")$");
  /** What a path variable is replaced with to ask the routes and rules about it: any one segment will do. */
  private static final String SAMPLE_SEGMENT = "x";

  private ContractPaths() {}

  /** {@code /api/cases/{ticketId}/claim} → {@code /api/cases/x/claim}. */
  static String sample(String template) {
    return VARIABLE.matcher(template).replaceAll(SAMPLE_SEGMENT);
  }

  /**
   * {@code /open311/v2/services.json} → {@code /open311/v2/services.{format}} when the document also has the path with
   * every other suffix (Open311's JSON and XML twins); any other path, e.g. {@code /.well-known/jwks.json}, unchanged.
   */
  static String formatOf(String path, Predicate<String> documented) {
    Matcher suffix = FORMAT_SUFFIX.matcher(path);
    if (!suffix.matches()) {
      return path;
    }
    String stem = suffix.group(1);
    boolean twins = FORMATS.stream().allMatch(format -> documented.test(stem + "." + format));
    return twins ? stem + ".{" + FORMAT_PARAMETER + "}" : path;
  }

  /** Whether the path carries the Open311 format as a variable. */
  static boolean hasFormat(String path) {
    return path.endsWith(".{" + FORMAT_PARAMETER + "}");
  }

  /** {@code /api/cases/{ticketId}} and {@code /api/cases/{id}} alike: {@code /api/cases/{}}. */
  static String anyVariableNames(String path) {
    return VARIABLE.matcher(path).replaceAll("{}");
  }

  static boolean hasVariable(String path) {
    return VARIABLE.matcher(path).find();
  }
}
