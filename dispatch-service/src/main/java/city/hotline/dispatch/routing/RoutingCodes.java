package city.hotline.dispatch.routing;

import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The district and category codes (SPEC §4) a routing rule (路由规则) may name besides {@link RoutingRule#ANY}:
 * the same codes intake lists at /api/reference (application.yml {@code hotline.routing}).
 */
@ConfigurationProperties("hotline.routing")
public record RoutingCodes(Set<String> districts, Set<String> categories) {

  public RoutingCodes {
    // Without codes every admin edit would be refused: fail at start, not at the first edit.
    if (districts == null || districts.isEmpty() || categories == null || categories.isEmpty()) {
      throw new IllegalArgumentException("hotline.routing.districts and hotline.routing.categories must list the codes");
    }
    districts = Set.copyOf(districts);
    categories = Set.copyOf(categories);
  }

  boolean isDistrict(String code) {
    return districts.contains(code);
  }

  boolean isCategory(String code) {
    return categories.contains(code);
  }
}
