package city.hotline.dispatch.routing;

/**
 * (district, category) → unit; {@link #ANY} matches every district or category.
 *
 * @param version bumped on every change, recorded on the cases it routes
 */
public record RoutingRule(String district, String category, String unitId, int version) {
  public static final String ANY = "*";

  public String key() {
    return key(district, category);
  }

  static String key(String district, String category) {
    return district + "|" + category;
  }
}
