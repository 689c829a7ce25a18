package city.hotline.intake.partner;

import city.hotline.support.security.Caller;
import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** The admins' partner list: register a partner, list them (never a key), revoke one, issue a new key. */
@RestController
@RequestMapping("/api/admin/partners")
class PartnerController {
  private static final Logger log = LoggerFactory.getLogger(PartnerController.class);
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
  ResponseEntity<IssuedKey> create(@Valid @RequestBody PartnerRequest request) {
    Partners.Issued issued = partners.create(request.name().strip(),
        request.contact() == null || request.contact().isBlank() ? null : request.contact().strip());
    audit("registered", issued.partner());
    return withKey(HttpStatus.CREATED, issued);
  }

  @GetMapping
  List<PartnerView> list() {
    return partners.all().stream().map(PartnerView::of).toList();
  }

  @PostMapping("/{id}/revoke")
  PartnerView revoke(@PathVariable String id) {
    Partner revoked = partners.revoke(id);
    audit("revoked", revoked);
    return PartnerView.of(revoked);
  }

  @PostMapping("/{id}/key")
  ResponseEntity<IssuedKey> newKey(@PathVariable String id) {
    Partners.Issued issued = partners.newKey(id);
    audit("re-keyed", issued.partner());
    return withKey(HttpStatus.OK, issued);
  }

  /** A key is shown once: no cache (browser, proxy) may keep the answer. */
  private static ResponseEntity<IssuedKey> withKey(HttpStatus status, Partners.Issued issued) {
    return ResponseEntity.status(status).cacheControl(CacheControl.noStore()).body(IssuedKey.of(issued));
  }

  /** Who changed which partner's access, and how; never the key. */
  private static void audit(String what, Partner partner) {
    log.info("partner {} partner={} by={}", what, partner.id(), Caller.current().username());
  }
}
