package city.hotline.dispatch.routing;

import java.time.Instant;
import java.util.Map;

/** A routing rule, or one version of it, as the admin API shows it: with the name of the unit it routes to. */
public record RuleView(String district, String category, String unitId, String unitName, int version, boolean active,
    String updatedBy, Instant updatedAt) {

  static RuleView of(RuleVersion rule, Map<String, String> unitNames) {
    return new RuleView(rule.district(), rule.category(), rule.unitId(), unitNames.get(rule.unitId()), rule.version(),
        rule.active(), rule.updatedBy(), rule.updatedAt());
  }
}
