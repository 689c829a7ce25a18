package city.hotline.intake.knowledge;

import java.time.Instant;
import java.util.List;

/** An article as the API shows it, with its whole history oldest first. */
public record ArticleView(String id, String title, List<String> questions, String answer, String source,
    String category, String unitId, Instant validFrom, Instant validUntil, ArticleStatus status, int version,
    Instant updatedAt, String updatedBy, boolean inForce, List<VersionView> versions) {

  /** One version, flat, as a diff of two versions compares them. */
  public record VersionView(int version, Instant at, String by, String action, String title, List<String> questions,
      String answer, String source, String category, String unitId, Instant validFrom, Instant validUntil,
      ArticleStatus status, String note) {

    static VersionView of(ArticleVersion v) {
      ArticleContent c = v.content();
      return new VersionView(v.version(), v.at(), v.by(), v.action(), c.title(), c.questions(), c.answer(),
          c.source(), c.category(), c.unitId(), c.validFrom(), c.validUntil(), v.status(), v.note());
    }
  }

  static ArticleView of(Article article, Instant now) {
    ArticleContent c = article.content();
    return new ArticleView(article.id(), c.title(), c.questions(), c.answer(), c.source(), c.category(), c.unitId(),
        c.validFrom(), c.validUntil(), article.status(), article.version(), article.updatedAt(), article.updatedBy(),
        article.inForce(now), article.history().stream().map(VersionView::of).toList());
  }
}
