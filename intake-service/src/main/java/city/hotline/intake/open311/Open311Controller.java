package city.hotline.intake.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.json.JsonMapper;

/**
 * Open311 GeoReport v2 (http://wiki.open311.org/GeoReport_v2) at {@code /open311/v2}: discovery, services, a
 * service's definition, POST a report (form-encoded as the spec says, or JSON), GET requests and GET a request; each
 * in XML or JSON as the path's suffix says. Answers are rendered here, not by the message converters, so the bodies
 * are exactly the spec's (root elements, item names, nulls).
 */
@RestController
@RequestMapping("/open311/v2")
class Open311Controller {
  private static final String FORMAT = ".{format:" + Format.SUFFIXES + "}";
  static final String SPECIFICATION = "http://wiki.open311.org/GeoReport_v2";

  private final Open311Reports reports;
  private final ServiceCatalog catalog;
  private final Open311Settings settings;
  private final JsonMapper json;

  Open311Controller(Open311Reports reports, ServiceCatalog catalog, Open311Settings settings, JsonMapper json) {
    this.reports = reports;
    this.catalog = catalog;
    this.settings = settings;
    this.json = json;
  }

  @GetMapping("/discovery" + FORMAT)
  ResponseEntity<String> discovery(@PathVariable String format) {
    String changeset = settings.changeset();
    Map<String, Object> endpoint = Open311Body.of("specification", SPECIFICATION, "url", settings.url(),
        "changeset", changeset, "type", "production",
        "formats", List.of(MediaType.TEXT_XML_VALUE, MediaType.APPLICATION_JSON_VALUE));
    return render(Format.of(format), "discovery", Open311Body.of("changeset", changeset,
        "contact", settings.contact(), "key_service", settings.keyService(), "endpoints", List.of(endpoint)));
  }

  @GetMapping("/services" + FORMAT)
  ResponseEntity<String> services(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
    reports.checkJurisdiction(ServiceRequestForm.ofForm(params));
    return render(Format.of(format), "services", catalog.services());
  }

  @GetMapping("/services/{code}" + FORMAT)
  ResponseEntity<String> definition(@PathVariable String code, @PathVariable String format,
      @RequestParam MultiValueMap<String, String> params) {
    reports.checkJurisdiction(ServiceRequestForm.ofForm(params));
    Map<String, Object> definition = catalog.definition(code).orElseThrow(() -> Open311Error.notFound(
        "service_code", code + " was not found: use one of the codes services.json lists"));
    return render(Format.of(format), "service_definition", definition);
  }

  /** The spec's way: application/x-www-form-urlencoded. */
  @PostMapping(value = "/requests" + FORMAT, consumes = MediaType.APPLICATION_FORM_URLENCODED_VALUE)
  ResponseEntity<String> reportForm(@PathVariable String format, @RequestParam MultiValueMap<String, String> params,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
    return created(Format.of(format), reports.report(ServiceRequestForm.ofForm(params), idempotencyKey));
  }

  @PostMapping(value = "/requests" + FORMAT, consumes = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<String> reportJson(@PathVariable String format, @RequestBody Map<String, Object> body,
      @RequestParam MultiValueMap<String, String> query,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
    return created(Format.of(format), reports.report(ServiceRequestForm.ofJson(body, query), idempotencyKey));
  }

  @GetMapping("/requests" + FORMAT)
  ResponseEntity<String> requests(@PathVariable String format, @RequestParam MultiValueMap<String, String> params) {
    return render(Format.of(format), "service_requests", reports.find(ServiceRequestForm.ofForm(params)));
  }

  @GetMapping("/requests/{id}" + FORMAT)
  ResponseEntity<String> request(@PathVariable String id, @PathVariable String format,
      @RequestParam MultiValueMap<String, String> params) {
    return render(Format.of(format), "service_requests", reports.one(id, ServiceRequestForm.ofForm(params)));
  }

  /** In the spec's error format, or RFC 9457 problem+json when the client's Accept asks for that. */
  @ExceptionHandler(Open311Error.class)
  ResponseEntity<?> refused(Open311Error e, HttpServletRequest request) {
    HttpHeaders headers = new HttpHeaders();
    if (e.retryAfterSeconds() != null) {
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(e.retryAfterSeconds()));
    }
    String accept = request.getHeader(HttpHeaders.ACCEPT);
    if (accept != null && accept.contains(MediaType.APPLICATION_PROBLEM_JSON_VALUE)) {
      ProblemDetail problem = ProblemDetail.forStatusAndDetail(e.status(), e.getMessage());
      problem.setTitle(e.status().getReasonPhrase());
      if (!e.problems().isEmpty()) {
        problem.setProperty("errors", e.problems());
      }
      return ResponseEntity.status(e.status()).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON)
          .body(problem);
    }
    Format format = Format.ofPath(request.getRequestURI());
    return ResponseEntity.status(e.status()).headers(headers).header(HttpHeaders.CONTENT_TYPE, format.contentType())
        .body(body(format, "errors", e.specErrors()));
  }

  private ResponseEntity<String> created(Format format, Map<String, Object> answer) {
    return ResponseEntity.status(HttpStatus.CREATED).header(HttpHeaders.CONTENT_TYPE, format.contentType())
        .body(body(format, "service_requests", List.of(answer)));
  }

  private ResponseEntity<String> render(Format format, String root, Object body) {
    return ResponseEntity.ok().header(HttpHeaders.CONTENT_TYPE, format.contentType()).body(body(format, root, body));
  }

  private String body(Format format, String root, Object body) {
    return format == Format.XML ? Open311Xml.write(root, body) : json.writeValueAsString(body);
  }
}
