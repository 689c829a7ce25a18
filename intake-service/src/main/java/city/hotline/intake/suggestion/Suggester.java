package city.hotline.intake.suggestion;

import city.hotline.intake.knowledge.KnowledgeLookup;
import java.util.List;

/**
 * Puts a suggestion together from what has been learned, the gazetteer and the knowledge base; plain Java, so the
 * benchmark times it without Spring or HTTP.
 */
public final class Suggester {
  static final int CATEGORIES = 3;
  static final int ARTICLES = 5;

  private final LearnedHistory history;
  private final Gazetteer gazetteer;
  private final KnowledgeLookup knowledge;

  public Suggester(LearnedHistory history, Gazetteer gazetteer, KnowledgeLookup knowledge) {
    this.history = history;
    this.gazetteer = gazetteer;
    this.knowledge = knowledge;
  }

  /** @param longitude with latitude, the map point, or both null */
  public Suggestions suggest(String description, String address, Double longitude, Double latitude) {
    List<Suggestions.CategoryScore> categories = history.categories()
        .predict(LearnedHistory.words(description), CATEGORIES).stream()
        .map(c -> new Suggestions.CategoryScore(c.code(), c.probability())).toList();
    List<Gazetteer.Scored> districts = gazetteer.locate(address, longitude, latitude);
    Suggestions.DistrictScore district = districts.isEmpty() ? null
        : new Suggestions.DistrictScore(districts.get(0).code(), districts.get(0).score());
    String unit = district == null || categories.isEmpty() ? null
        : history.units().likeliest(district.code(), categories.get(0).code());
    List<Suggestions.ArticleScore> articles = knowledge.matching(description, ARTICLES).stream()
        .map(a -> new Suggestions.ArticleScore(a.id(), a.title(), a.score())).toList();
    return new Suggestions(categories, district, unit, articles);
  }
}
