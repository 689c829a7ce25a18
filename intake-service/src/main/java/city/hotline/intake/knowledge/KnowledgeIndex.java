package city.hotline.intake.knowledge;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** 知识库 search index: placeholder until the Lucene index lands (answers nothing yet). */
@Component
public class KnowledgeIndex implements KnowledgeLookup {
  @Override
  public List<ArticleMatch> matching(String text, int limit) {
    return List.of();
  }

  @Override
  public Optional<ArticleMatch> citable(String articleId) {
    return Optional.empty();
  }
}
