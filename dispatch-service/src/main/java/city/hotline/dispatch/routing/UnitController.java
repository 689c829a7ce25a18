package city.hotline.dispatch.routing;

import city.hotline.support.security.Caller;
import java.net.URI;
import java.util.List;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Handling units (承办单位): the admin's list and edits, and the active units anyone signed in may pick from. */
@RestController
class UnitController {
  private final UnitAdmin admin;

  UnitController(UnitAdmin admin) {
    this.admin = admin;
  }

  record UnitRequest(String name, Boolean active) {}

  /** For dispatchers choosing a unit by hand (manual dispatch): active units only. */
  @GetMapping("/api/units")
  List<Unit> active() {
    return admin.active();
  }

  @GetMapping("/api/admin/units")
  List<UnitDetails> all() {
    return admin.all();
  }

  /** Creates (201) or changes (200) a unit; retiring one that active rules still route to is a 409. */
  @PutMapping("/api/admin/units/{id}")
  ResponseEntity<UnitDetails> put(@PathVariable String id, @RequestBody UnitRequest request) {
    UnitAdmin.Saved saved = admin.put(id, request.name(), request.active(), Caller.current());
    return saved.outcome() == Outcome.CREATED
        ? ResponseEntity.created(URI.create("/api/admin/units/" + id)).body(saved.unit())
        : ResponseEntity.ok(saved.unit());
  }
}
