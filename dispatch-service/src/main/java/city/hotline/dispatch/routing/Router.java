package city.hotline.dispatch.routing;

import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * 属地 + 职能 routing (SPEC §4): the most specific rule wins, (district, category) before
 * (any district, category) before (district, any category). Each step is one keyed look-up.
 */
public final class Router {
  private Router() {}

  public static Optional<RoutingRule> route(String district, String category,
      Function<String, Optional<RoutingRule>> ruleByKey) {
    List<String> keys = List.of(
        RoutingRule.key(district, category),
        RoutingRule.key(RoutingRule.ANY, category),
        RoutingRule.key(district, RoutingRule.ANY));
    return keys.stream().map(ruleByKey).flatMap(Optional::stream).findFirst();
  }
}
