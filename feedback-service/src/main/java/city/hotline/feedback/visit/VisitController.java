package city.hotline.feedback.visit;

import city.hotline.support.security.Caller;
import city.hotline.support.validation.OneOf;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
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

  /** The operator's {@link Attempt}; the satisfaction by name, so an unknown one is reported with the other fields. */
  record AttemptRequest(
      @NotNull(message = "is required") Boolean reached,
      @OneOf(Satisfaction.class) String satisfaction,
      @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5") Integer score,
      Boolean solved,
      @Size(max = 1000, message = "must be at most 1000 characters") String comment) {

    Attempt attempt() {
      return new Attempt(reached, satisfaction == null ? null : Satisfaction.valueOf(satisfaction), score, solved, comment);
    }
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
  VisitView attempt(@PathVariable String ticketId, @Valid @RequestBody AttemptRequest attempt) {
    return service.record(ticketId, attempt.attempt(), Caller.current().actor());
  }

  /** 评价链接: the URL to send the citizen (by SMS); shown once, usable once, for hotline.visits.link-lifetime. */
  @PostMapping("/{ticketId}/rating-link")
  @ResponseStatus(HttpStatus.CREATED)
  VisitService.IssuedLink ratingLink(@PathVariable String ticketId) {
    return service.issueLink(ticketId, Caller.current().actor());
  }
}
