package city.hotline.intake.complaint;

import city.hotline.support.security.Caller;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Validated
@RequestMapping("/api/complaints")
class ComplaintController {
  private final ComplaintService service;

  ComplaintController(ComplaintService service) {
    this.service = service;
  }

  @PostMapping
  ResponseEntity<ComplaintView> register(@RequestBody RegistrationRequest request,
      @RequestHeader(value = "Idempotency-Key", required = false) String idempotencyKey) {
    ComplaintView created = service.register(request, Caller.current(), idempotencyKey);
    return ResponseEntity.created(URI.create("/api/complaints/" + created.ticketId())).body(created);
  }

  /** The caller's recent tickets (the operator answering "where is my complaint?"). */
  @GetMapping(params = "phone")
  List<ComplaintView> byPhone(@RequestParam String phone,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return service.byPhone(phone, size, Caller.current());
  }

  @GetMapping("/{ticketId}")
  ComplaintView get(@PathVariable String ticketId) {
    return service.find(ticketId, Caller.current());
  }
}
