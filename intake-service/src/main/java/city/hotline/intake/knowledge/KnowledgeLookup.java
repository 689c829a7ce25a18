package city.hotline.intake.knowledge;

import java.util.List;
import java.util.Optional;

/**
 * What intake's other features ask of the knowledge base (知识库): the articles an operator may answer a caller from,
 * that is published ones in force now (valid-from reached, valid-until not passed).
 */
public interface KnowledgeLookup {

  /** The articles in force that best match a caller's words, best first, at most {@code limit}. */
  List<ArticleMatch> matching(String text, int limit);

  /** The article a consultation closed directly (直接办结) cites, if it is in force now; else empty. */
  Optional<ArticleMatch> citable(String articleId);

  /** @param score the search's relevance, higher is better; comparable within one answer only */
  record ArticleMatch(String id, String title, double score) {}
}
