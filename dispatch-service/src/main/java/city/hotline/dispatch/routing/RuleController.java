package city.hotline.dispatch.routing;

import city.hotline.support.web.IfMatch;
import city.hotline.dispatch.routing.RuleEdits.Edit;
import city.hotline.support.security.Caller;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** 路由规则 administration (ADMIN): rules keyed by district and category, {@code *} for any; every change is a version. */
@RestController
@RequestMapping("/api/admin/routing-rules")
class RuleController {
  private final RuleAdmin admin;

  RuleController(RuleAdmin admin) {
    this.admin = admin;
  }

  record RuleRequest(String unitId) {}

  @GetMapping
  List<RuleView> list() {
    return admin.list();
  }

  @GetMapping("/{district}/{category}")
  ResponseEntity<RuleView> get(@PathVariable String district, @PathVariable String category) {
    RuleView rule = admin.get(district, category);
    return ResponseEntity.ok().eTag(IfMatch.etag(rule.version())).body(rule);
  }

  @GetMapping("/{district}/{category}/history")
  List<RuleView> history(@PathVariable String district, @PathVariable String category) {
    return admin.history(district, category);
  }

  /** Adds the rule (201) or points it at another unit or re-activates it (200), as a new version. */
  @PutMapping("/{district}/{category}")
  ResponseEntity<RuleView> put(@PathVariable String district, @PathVariable String category,
      @RequestBody RuleRequest request, @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
    return answer(admin.put(district, category, request.unitId(), IfMatch.version(ifMatch), Caller.current()));
  }

  /** Retires the rule as a new version: kept with its history, skipped by routing. */
  @DeleteMapping("/{district}/{category}")
  ResponseEntity<RuleView> retire(@PathVariable String district, @PathVariable String category,
      @RequestHeader(name = IfMatch.HEADER, required = false) String ifMatch) {
    return answer(admin.retire(district, category, IfMatch.version(ifMatch), Caller.current()));
  }

  private ResponseEntity<RuleView> answer(Edit edit) {
    RuleView view = RuleView.of(edit.rule(), admin.unitNames());
    ResponseEntity.BodyBuilder response = edit.outcome() == Outcome.CREATED
        ? ResponseEntity.created(URI.create("/api/admin/routing-rules/" + view.district() + "/" + view.category()))
        : ResponseEntity.ok();
    return response.eTag(IfMatch.etag(view.version())).body(view);
  }
}
