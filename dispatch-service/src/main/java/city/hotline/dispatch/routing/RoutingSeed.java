package city.hotline.dispatch.routing;

import java.util.List;
import java.util.stream.Stream;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The units and rules a fresh database starts with (application.yml {@code hotline.routing}). */
@ConfigurationProperties("hotline.routing")
public record RoutingSeed(List<SeedUnit> units) {

  /** A district bureau names its district; a city-level centre names the categories it takes city-wide. */
  public record SeedUnit(String id, String name, String district, List<String> categories) {

    Stream<RoutingRule> rules() {
      Stream<RoutingRule> byDistrict = district == null ? Stream.empty()
          : Stream.of(new RoutingRule(district, RoutingRule.ANY, id, 1));
      Stream<RoutingRule> byCategory = categories == null ? Stream.empty()
          : categories.stream().map(c -> new RoutingRule(RoutingRule.ANY, c, id, 1));
      return Stream.concat(byDistrict, byCategory);
    }
  }
}
