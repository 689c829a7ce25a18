package city.hotline.support.web;

import java.util.List;
import org.springframework.http.HttpStatus;

/** An error the caller can act on, answered as RFC 9457 problem+json by {@link ApiExceptionHandler}. */
public class ApiException extends RuntimeException {
  private final HttpStatus status;
  private final String title;
  private final List<FieldProblem> errors;

  public record FieldProblem(String field, String message) {}

  private ApiException(HttpStatus status, String title, String detail, List<FieldProblem> errors) {
    super(detail);
    this.status = status;
    this.title = title;
    this.errors = errors;
  }

  public static ApiException notFound(String what, String id) {
    return new ApiException(HttpStatus.NOT_FOUND, "Not found", what + " " + id + " does not exist", List.of());
  }

  /** 409: the transition is not allowed from the state the thing is in. */
  public static ApiException conflict(String detail) {
    return new ApiException(HttpStatus.CONFLICT, "Conflict", detail, List.of());
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

  public List<FieldProblem> errors() {
    return errors;
  }
}
