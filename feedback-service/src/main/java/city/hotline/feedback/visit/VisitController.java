package city.hotline.feedback.visit;

import city.hotline.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import org.springframework.http.HttpStatus;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The operators' return visits (回访): the queue, one visit, a call's result, a rating link for the citizen. */
@RestController
@RequestMapping("/api/visits")
@Validated
class VisitController {
  private final VisitService service;

  VisitController(VisitService service) {
    this.service = service;
  }

  @GetMapping
  VisitService.VisitPage queue(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return service.queue(page, size);
  }

  @GetMapping("/{ticketId}")
  VisitView visit(@PathVariable String ticketId) {
    return service.find(ticketId);
  }

  @PostMapping("/{ticketId}/attempts")
  VisitView attempt(@PathVariable String ticketId, @Valid @RequestBody Attempt attempt) {
    return service.record(ticketId, attempt, Caller.current().actor());
  }

  /** 评价链接: the URL to send the citizen (by SMS); shown once, usable once, for hotline.visits.link-lifetime. */
  @PostMapping("/{ticketId}/rating-link")
  @ResponseStatus(HttpStatus.CREATED)
  VisitService.IssuedLink ratingLink(@PathVariable String ticketId) {
    return service.issueLink(ticketId, Caller.current().actor());
  }
}
