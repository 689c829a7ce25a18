package city.hotline.intake.knowledge;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 知识库 settings ({@code hotline.knowledge.*}, defaults in intake's application.yml).
 *
 * @param refresh how often each replica reads the articles other replicas wrote (HOTLINE_KNOWLEDGE_REFRESH)
 * @param refreshMargin how far back before the last write it saw a replica looks again: longer than a write takes to
 *     land and than the replicas' clocks differ, so no write is missed; what it reads again is skipped by version
 * @param seed whether the seeded articles are written at start when absent (HOTLINE_SEED_KNOWLEDGE)
 * @param maxQueryWords the words of a search that count; a pasted essay costs no more than a sentence
 */
@ConfigurationProperties("hotline.knowledge")
public record KnowledgeSettings(
    Duration refresh,
    Duration refreshMargin,
    boolean seed,
    int maxQueryWords) {

  /** application.yml's defaults, for tests without Spring. */
  public static KnowledgeSettings defaults() {
    return new KnowledgeSettings(Duration.ofSeconds(2), Duration.ofSeconds(30), true, 32);
  }
}
