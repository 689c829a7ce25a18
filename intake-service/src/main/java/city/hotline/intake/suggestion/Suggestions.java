package city.hotline.intake.suggestion;

import java.util.List;

/**
 * What the panel beside the registration form shows as the operator types (SPEC §8.4): up to 3 categories with
 * their probabilities, the district the address names (or the map point is in), the unit that handled most such
 * work orders, and up to 5 knowledge articles (知识库) matching the description. The operator's choice always wins.
 */
public record Suggestions(List<CategoryScore> categories, DistrictScore district, String unitId,
    List<ArticleScore> articles) {

  public record CategoryScore(String code, double score) {}

  public record DistrictScore(String code, double score) {}

  public record ArticleScore(String id, String title, double score) {}
}
