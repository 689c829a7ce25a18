package city.hotline.gateway.security;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import tools.jackson.databind.json.JsonMapper;

/** The gateway's own refusals (401, 403, 413, 429, 503) as RFC 9457 problem+json, like every service's errors. */
public final class Problems {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private Problems() {}

  public static ResponseEntity<ProblemDetail> of(HttpStatus status, String detail, Map<String, String> headers) {
    ResponseEntity.BodyBuilder builder = ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON);
    headers.forEach((name, value) -> builder.header(name, value));
    return builder.body(problem(status, detail));
  }

  /** 400 naming the fields and the rules they broke. */
  public static ResponseEntity<ProblemDetail> invalid(List<Map<String, String>> errors) {
    ProblemDetail problem = problem(HttpStatus.BAD_REQUEST, "The request has " + errors.size() + " invalid field(s)");
    problem.setProperty("errors", errors);
    return ResponseEntity.badRequest().contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }

  public static Map<String, String> fieldError(String field, String message) {
    return Map.of("field", field, "message", message);
  }

  /** For filters, which answer before any controller runs. */
  public static void write(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", status.getReasonPhrase());
    body.put("status", status.value());
    body.put("detail", detail);
    response.getWriter().write(JSON.writeValueAsString(body));
  }

  private static ProblemDetail problem(HttpStatus status, String detail) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(status.getReasonPhrase());
    return problem;
  }
}
