package city.hotline.dispatch.casework;

import city.hotline.support.security.Caller;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
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
@RequestMapping("/api/cases")
@Validated
class CaseController {
  private final CaseService service;

  CaseController(CaseService service) {
    this.service = service;
  }

  /** 办结 reply: what was done about it. */
  record ResolveRequest(@NotBlank(message = "is required") @Size(max = 2000, message = "must be at most 2000 characters") String reply) {}

  /** A unit's queue (open cases unless a state is given), soonest resolve deadline first. */
  @GetMapping
  List<CaseView> queue(@RequestParam(required = false) String unitId, @RequestParam(required = false) CaseState state,
      @RequestParam(defaultValue = "0") @Min(0) @Max(10_000) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(200) int size) {
    return service.queue(Caller.current(), unitId, state, page, size);
  }

  @GetMapping("/{ticketId}")
  CaseView get(@PathVariable String ticketId) {
    return service.get(ticketId, Caller.current());
  }

  @PostMapping("/{ticketId}/claim")
  CaseView claim(@PathVariable String ticketId) {
    return service.claim(ticketId, Caller.current());
  }

  @PostMapping("/{ticketId}/resolve")
  CaseView resolve(@PathVariable String ticketId, @Valid @RequestBody ResolveRequest request) {
    return service.resolve(ticketId, request.reply(), Caller.current());
  }
}
