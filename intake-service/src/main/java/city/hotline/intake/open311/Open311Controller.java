package city.hotline.intake.open311;

import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.core.JacksonException;
import tools.jackson.core.type.TypeReference;
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

  /**
   * The spec's way, application/x-www-form-urlencoded; multipart/form-data as many clients send it (its files are
   * not kept: media_url is the photo); or a JSON object with the same names. Chosen here rather than by
   * {@code consumes}, so any other Content-Type and a malformed body are answered in the spec's error format too.
   */
  @PostMapping("/requests" + FORMAT)
  ResponseEntity<String> report(@PathVariable String format, @RequestParam MultiValueMap<String, String> params,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey, HttpServletRequest request) {
    return created(Format.of(format), reports.report(form(request, params), idempotencyKey));
  }

  private ServiceRequestForm form(HttpServletRequest request, MultiValueMap<String, String> params) {
    MediaType type = contentType(request);
    if (type != null && (MediaType.APPLICATION_FORM_URLENCODED.includes(type)
        || MediaType.MULTIPART_FORM_DATA.includes(type))) {
      return ServiceRequestForm.ofForm(params);
    }
    if (type != null && MediaType.APPLICATION_JSON.isCompatibleWith(type)) {
      return ServiceRequestForm.ofJson(jsonObject(request), params);
    }
    throw Open311Error.unsupportedMediaType("must be " + MediaType.APPLICATION_FORM_URLENCODED_VALUE + " (as the spec "
        + "says), " + MediaType.MULTIPART_FORM_DATA_VALUE + " or " + MediaType.APPLICATION_JSON_VALUE);
  }

  private static MediaType contentType(HttpServletRequest request) {
    try {
      return request.getContentType() == null ? null : MediaType.parseMediaType(request.getContentType());
    } catch (InvalidMediaTypeException e) {
      return null;
    }
  }

  private Map<String, Object> jsonObject(HttpServletRequest request) {
    try {
      return json.readValue(request.getInputStream(), new TypeReference<Map<String, Object>>() {});
    } catch (JacksonException | IOException e) {
      throw Open311Error.invalid("body", "must be a JSON object of the spec's arguments (" + e.getClass()
          .getSimpleName() + ")");
    }
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
    if (asksForProblem(request.getHeader(HttpHeaders.ACCEPT))) {
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

  /** Whether Accept names problem+json (not at q=0); a wildcard does not count: it takes the spec's format. */
  static boolean asksForProblem(String accept) {
    if (accept == null) {
      return false;
    }
    try {
      return MediaType.parseMediaTypes(accept).stream().anyMatch(type -> type.getQualityValue() > 0
          && type.equalsTypeAndSubtype(MediaType.APPLICATION_PROBLEM_JSON));
    } catch (InvalidMediaTypeException e) {
      return false;
    }
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
