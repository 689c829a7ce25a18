package city.hotline.intake.partner;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** The admins' partner list: register a partner, list them (never a key), revoke one, issue a new key. */
@RestController
@RequestMapping("/api/admin/partners")
class PartnerController {
  private final Partners partners;

  PartnerController(Partners partners) {
    this.partners = partners;
  }

  /** A partner as listed: no key, not even its hash. */
  record PartnerView(String id, String name, String contact, boolean revoked, Instant createdAt, Instant keyIssuedAt,
      Instant revokedAt) {
    static PartnerView of(Partner p) {
      return new PartnerView(p.id(), p.name(), p.contact(), p.revoked(), p.createdAt(), p.keyIssuedAt(),
          p.revokedAt());
    }
  }

  /** The answer that carries a key: the only time it is shown. */
  record IssuedKey(String id, String name, String apiKey, Instant createdAt, Instant keyIssuedAt) {
    static IssuedKey of(Partners.Issued issued) {
      Partner p = issued.partner();
      return new IssuedKey(p.id(), p.name(), issued.apiKey(), p.createdAt(), p.keyIssuedAt());
    }
  }

  @PostMapping
  @ResponseStatus(HttpStatus.CREATED)
  IssuedKey create(@Valid @RequestBody PartnerRequest request) {
    return IssuedKey.of(partners.create(request.name().strip(),
        request.contact() == null || request.contact().isBlank() ? null : request.contact().strip()));
  }

  @GetMapping
  List<PartnerView> list() {
    return partners.all().stream().map(PartnerView::of).toList();
  }

  @PostMapping("/{id}/revoke")
  PartnerView revoke(@PathVariable String id) {
    return PartnerView.of(partners.revoke(id));
  }

  @PostMapping("/{id}/key")
  IssuedKey newKey(@PathVariable String id) {
    return IssuedKey.of(partners.newKey(id));
  }
}
