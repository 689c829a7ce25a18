package city.hotline.intake.citizen;

import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * The citizens' own page (track.html), without signing in. The ticket number and the digits travel in the body,
 * never in a URL, so they stay out of access logs.
 */
@RestController
@RequestMapping("/api/public")
@ConditionalOnBooleanProperty("hotline.citizen.enabled")
class CitizenController {
  /** The one answer for an unknown ticket and for digits that do not match it. */
  static final String NO_MATCH = "没有找到与该工单号和手机号后四位相符的工单 "
      + "(no work order matches this ticket number and these last four digits)";

  /** The one answer, found or not, once a ticket number has had its wrong tries; Retry-After says how long. */
  static final String TOO_MANY_TRIES = "该工单号查询错误次数过多，请稍后再试 "
      + "(too many wrong tries for this ticket number; try again after Retry-After seconds)";

  private final CitizenService service;

  CitizenController(CitizenService service) {
    this.service = service;
  }

  @PostMapping("/progress")
  ResponseEntity<?> progress(@Valid @RequestBody ProgressRequest request) {
    CitizenService.Answer answer = service.progress(request);
    if (answer instanceof CitizenService.Answer.Found found) {
      return ResponseEntity.ok(found.progress());
    }
    if (answer instanceof CitizenService.Answer.TooManyTries wait) {
      long seconds = Math.max(1, wait.retryAfter().toSeconds());
      HttpHeaders headers = new HttpHeaders();
      headers.set(HttpHeaders.RETRY_AFTER, Long.toString(seconds));
      return problem(HttpStatus.TOO_MANY_REQUESTS, "Too many tries", TOO_MANY_TRIES, headers);
    }
    return problem(HttpStatus.NOT_FOUND, "Not found", NO_MATCH, HttpHeaders.EMPTY);
  }

  @PostMapping("/reports")
  ResponseEntity<WebReport.Receipt> report(@RequestBody WebReport report,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
    return ResponseEntity.status(HttpStatus.CREATED).body(service.report(report, idempotencyKey));
  }

  @GetMapping("/reference")
  CitizenService.PublicReference reference() {
    return service.reference();
  }

  private static ResponseEntity<ProblemDetail> problem(HttpStatus status, String title, String detail,
      HttpHeaders headers) {
    ProblemDetail problem = ProblemDetail.forStatusAndDetail(status, detail);
    problem.setTitle(title);
    return ResponseEntity.status(status).headers(headers).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(problem);
  }
}
