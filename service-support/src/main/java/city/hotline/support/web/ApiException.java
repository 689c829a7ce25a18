package city.hotline.support.web;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** An error the caller can act on, answered as RFC 9457 problem+json by {@link ApiExceptionHandler}. */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String title;
  private final List<FieldProblem> errors;

  public record FieldProblem(String field, String message) {}

  private final Map<String, Object> properties;

  private ApiException(HttpStatus status, String title, String detail, List<FieldProblem> errors,
      Map<String, Object> properties) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = errors;
    this.properties = properties;
  }

  private ApiException(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
    this(status, title, detail, errors, Map.of());
  }

  /**
   * 409 with members a client can act on without reading the text, e.g. {@code code} and the
   * figures the refusal is about (RFC 9457 extension members).
   */
  public static ApiException conflict(String detail, Map<String, Object> properties) {
    return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, List.of(), Map.copyOf(properties));
  }

  public static ApiException notFound(String what, String id) {
    return new ApiException(HttpStatus.NOT_FOUND, "Not found", what + " " + id + " does not exist", List.of());
  }

  /** 409: the transition is not allowed from the state the thing is in. */
  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, List.of());
  }

  /** 410: it existed, but is no longer usable (an expired one-time link). */
  public static ApiException gone(String detail) {
    return new ApiException(HttpStatus.GONE, "Gone", detail, List.of());
  }

  /** 422: well-formed, but contradicts what was sent before (e.g. a reused idempotency key). */
  public static ApiException unprocessable(String detail) {
    return new ApiException(HttpStatus.UNPROCESSABLE_CONTENT, "Unprocessable request", detail, List.of());
  }

  public static ApiException invalid(List<FieldProblem> errors) {
    return new ApiException(HttpStatus.BAD_REQUEST, "Invalid request",
        "The request has " + errors.size() + " invalid field(s)", errors);
  }

  public HttpStatus status() {
    return status;
  }

  public String title() {
    return title;
  }

  public Map<String, Object> properties() {
    return properties;
  }

  public List<FieldProblem> errors() {
    return errors;
  }
}
