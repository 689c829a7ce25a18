package city.hotline.feedback.visit;

import jakarta.validation.Valid;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * A citizen's rating through a one-time link, without signing in. The token travels in the body, never
 * in a URL, so it stays out of access logs.
 */
@RestController
@RequestMapping("/api/public/ratings")
class RatingController {
  private final VisitService service;

  RatingController(VisitService service) {
    this.service = service;
  }

  @PostMapping("/lookup")
  CitizenView lookUp(@Valid @RequestBody CitizenRating.Lookup lookup) {
    return service.lookUp(lookup.token());
  }

  @PostMapping
  CitizenView rate(@Valid @RequestBody CitizenRating rating) {
    return service.rate(rating.token(), rating);
  }
}
