package city.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class RouterTest {
  private static Function<String, Optional<RoutingRule>> rules(RoutingRule... rules) {
    Map<String, RoutingRule> byKey = List.of(rules).stream().collect(Collectors.toMap(RoutingRule::key, r -> r));
    return key -> Optional.ofNullable(byKey.get(key));
  }

  private final RoutingRule districtBureau = new RoutingRule("JIANGAN", RoutingRule.ANY, "JIANGAN_CGJ", 1);
  private final RoutingRule gasCentre = new RoutingRule(RoutingRule.ANY, "GAS_SAFETY", "CITY_GAS_CENTRE", 1);
  private final RoutingRule specific = new RoutingRule("JIANGAN", "GAS_SAFETY", "JIANGAN_GAS_TEAM", 2);

  @Test
  void aCaseGoesToTheBureauOfItsDistrict() {
    assertThat(Router.route("JIANGAN", "STREET_LIGHTING", rules(districtBureau, gasCentre)))
        .contains(districtBureau);
  }

  @Test
  void aCityWideCategoryRuleBeatsTheDistrictRule() {
    assertThat(Router.route("JIANGAN", "GAS_SAFETY", rules(districtBureau, gasCentre))).contains(gasCentre);
  }

  @Test
  void aDistrictAndCategoryRuleBeatsBoth() {
    assertThat(Router.route("JIANGAN", "GAS_SAFETY", rules(districtBureau, gasCentre, specific))).contains(specific);
  }

  @Test
  void noMatchingRuleMeansManualDispatch() {
    assertThat(Router.route("HANNAN", "STREET_LIGHTING", rules(districtBureau, gasCentre))).isEmpty();
  }
}
