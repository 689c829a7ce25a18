package city.hotline.intake.citizen;

import jakarta.validation.Valid;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
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
  private final CitizenService service;
  private final CacheControl referenceCaching;

  CitizenController(CitizenService service, CitizenSettings settings) {
    this.service = service;
    this.referenceCaching = CacheControl.maxAge(settings.referenceMaxAge()).cachePublic();
  }

  /** 404 alike for an unknown ticket and wrong digits, 429 with Retry-After past the wrong tries (ProgressRefusals). */
  @PostMapping("/progress")
  Progress progress(@Valid @RequestBody ProgressRequest request) {
    return service.progress(request);
  }

  /** 201, or 429 with Retry-After once the phone has made its reports for the window. */
  @PostMapping("/reports")
  ResponseEntity<WebReport.Receipt> report(@RequestBody WebReport report,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
    return ResponseEntity.status(HttpStatus.CREATED).body(service.report(report, idempotencyKey));
  }

  /** The same for everyone and seldom changed: browsers and proxies keep it, so page loads cost no budget. */
  @GetMapping("/reference")
  ResponseEntity<CitizenService.PublicReference> reference() {
    return ResponseEntity.ok().cacheControl(referenceCaching).body(service.reference());
  }
}
