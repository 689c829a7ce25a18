package city.hotline.intake.open311;

import city.hotline.support.web.ApiException.FieldProblem;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * An Open311 request refused: answered in the spec's error format ({@code [{code, description}]}, XML
 * {@code <errors>}), or as RFC 9457 problem+json when the client's Accept asks for it. Each problem names the field
 * (the spec's parameter name) and the rule.
 *
 * @param retryAfterSeconds for a 429, when the partner may try again; else null
 */
final class Open311Error extends RuntimeException {
  private final HttpStatus status;
  private final List<FieldProblem> problems;
  private final Long retryAfterSeconds;

  private Open311Error(HttpStatus status, String detail, List<FieldProblem> problems, Long retryAfterSeconds) {
    super(detail);
    this.status = status;
    this.problems = List.copyOf(problems);
    this.retryAfterSeconds = retryAfterSeconds;
  }

  static Open311Error invalid(List<FieldProblem> problems) {
    return new Open311Error(HttpStatus.BAD_REQUEST, "The request has " + problems.size() + " invalid field(s)",
        problems, null);
  }

  static Open311Error invalid(String field, String rule) {
    return invalid(List.of(new FieldProblem(field, rule)));
  }

  static Open311Error notFound(String field, String rule) {
    return new Open311Error(HttpStatus.NOT_FOUND, field + " " + rule, List.of(new FieldProblem(field, rule)), null);
  }

  static Open311Error forbidden(String rule) {
    return new Open311Error(HttpStatus.FORBIDDEN, "api_key " + rule, List.of(new FieldProblem("api_key", rule)), null);
  }

  static Open311Error tooMany(long retryAfterSeconds, int perMinute) {
    String rule = "allows " + perMinute + " requests a minute; retry after " + retryAfterSeconds + " s";
    return new Open311Error(HttpStatus.TOO_MANY_REQUESTS, "api_key " + rule, List.of(new FieldProblem("api_key", rule)),
        retryAfterSeconds);
  }

  /** A POST whose body comes in a Content-Type the façade does not read. */
  static Open311Error unsupportedMediaType(String rule) {
    return new Open311Error(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "Content-Type " + rule,
        List.of(new FieldProblem("Content-Type", rule)), null);
  }

  /** A refusal with no single field to name: the rest of intake's (409, 422), an unknown path (404). */
  static Open311Error of(HttpStatus status, String detail) {
    return new Open311Error(status, detail, List.of(), null);
  }

  HttpStatus status() {
    return status;
  }

  List<FieldProblem> problems() {
    return problems;
  }

  Long retryAfterSeconds() {
    return retryAfterSeconds;
  }

  /** The spec's error list: one per problem, "field rule"; the detail when there is no field to name. */
  List<Object> specErrors() {
    if (problems.isEmpty()) {
      return List.of(Open311Body.of("code", status.value(), "description", getMessage()));
    }
    return problems.stream()
        .<Object>map(p -> Open311Body.of("code", status.value(), "description", p.field() + " " + p.message()))
        .toList();
  }
}
