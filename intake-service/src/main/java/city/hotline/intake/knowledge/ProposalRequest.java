package city.hotline.intake.knowledge;

import java.util.List;

/**
 * The body of {@code POST /api/knowledge/proposals}: a new article (articleId null) or a correction of the caller's
 * unit's article, with a note for the editor. The unit is always the caller's own.
 */
public record ProposalRequest(String articleId, String title, List<String> questions, String answer, String source,
    String category, String note) {

  ArticleContent content(String unitId) {
    return new ArticleContent(title, questions, answer, source, category, unitId, null, null);
  }
}
