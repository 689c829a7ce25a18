package city.hotline.intake.knowledge;

import city.hotline.intake.reference.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/**
 * The city's own answers (知识库初始数据), published from the start: written at start when absent, by their fixed ids,
 * so two replicas starting at once never write one twice and an editor's later changes are never overwritten.
 */
@Component
public class KnowledgeSeed {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeSeed.class);
  static final String RESOURCE = "/knowledge/seed-articles.json";

  private final ArticleRepository articles;
  private final ReferenceData reference;
  private final Clock clock;

  public KnowledgeSeed(ArticleRepository articles, ReferenceData reference, Clock clock) {
    this.articles = articles;
    this.reference = reference;
    this.clock = clock;
  }

  /** @return how many seeded articles were written now (0 when every one is there already) */
  public int write() {
    List<Seeded> seeds = read();
    Set<String> present = articles.existing(seeds.stream().map(Seeded::id).toList());
    Instant now = clock.instant();
    int written = 0;
    for (Seeded seed : seeds) {
      if (!present.contains(seed.id()) && articles.insert(Article.seeded(seed.id(), seed.content(reference), now))) {
        written++;
      }
    }
    if (written > 0) {
      log.info("knowledge base seeded articles={}", written);
    }
    return written;
  }

  /** The seed as shipped. */
  static List<Seeded> read() {
    try (InputStream in = KnowledgeSeed.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(RESOURCE + " is missing from the build");
      }
      return JsonMapper.builder().build().readValue(in, new TypeReference<List<Seeded>>() {});
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** One seeded article as the resource lists it. */
  record Seeded(String id, String title, List<String> questions, String answer, String source, String category,
      String unitId, Instant validFrom, Instant validUntil) {

    /** @throws city.hotline.support.web.ApiException when the seed breaks an article's rules (a build error) */
    ArticleContent content(ReferenceData reference) {
      return new ArticleContent(title, questions, answer, source, category, unitId, validFrom, validUntil)
          .validated(reference::isCategory);
    }
  }
}
