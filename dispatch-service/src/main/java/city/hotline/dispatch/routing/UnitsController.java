package city.hotline.dispatch.routing;

import java.util.List;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** The units cases can be sent to now (承办单位), for the dispatch desk's route picker. */
@RestController
class UnitsController {
  private final RoutingRepository routing;

  UnitsController(RoutingRepository routing) {
    this.routing = routing;
  }

  @GetMapping("/api/units")
  List<Unit> activeUnits() {
    return routing.activeUnits();
  }
}
