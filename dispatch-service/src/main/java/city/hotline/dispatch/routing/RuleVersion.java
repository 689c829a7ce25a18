package city.hotline.dispatch.routing;

import city.hotline.dispatch.admin.VersionedDocuments;
import java.time.Instant;

/**
 * One version of a routing rule (路由规则) as stored: what it routes where, whether it is in force,
 * and who made this version when. The rule document holds the newest; every version is kept too.
 *
 * @param active false once retired: routing then skips the rule and falls through to the next most specific
 */
public record RuleVersion(String district, String category, String unitId, int version, boolean active,
    String updatedBy, Instant updatedAt) {

  public String key() {
    return RoutingRule.key(district, category);
  }

  RoutingRule rule() {
    return new RoutingRule(district, category, unitId, version);
  }

  static RuleVersion seeded(RoutingRule rule, Instant at) {
    return new RuleVersion(rule.district(), rule.category(), rule.unitId(), rule.version(), true, VersionedDocuments.SEED, at);
  }
}
