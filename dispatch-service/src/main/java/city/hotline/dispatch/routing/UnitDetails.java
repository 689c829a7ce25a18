package city.hotline.dispatch.routing;

import java.time.Instant;

/**
 * A handling unit (承办单位) as the admin sees it.
 *
 * @param active false once retired: the unit keeps its old cases but is given no new ones
 */
public record UnitDetails(String id, String name, boolean active, String updatedBy, Instant updatedAt) {

  Unit unit() {
    return new Unit(id, name);
  }
}
