package city.hotline.feedback.visit;

import city.hotline.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/visits")
@Validated
class VisitController {
  private final VisitService service;

  VisitController(VisitService service) {
    this.service = service;
  }

  @GetMapping
  List<VisitView> queue(@RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return service.queue(page, size);
  }

  @PostMapping("/{ticketId}/attempts")
  VisitView attempt(@PathVariable String ticketId, @Valid @RequestBody Attempt attempt) {
    return service.record(ticketId, attempt, Caller.current().actor());
  }
}
