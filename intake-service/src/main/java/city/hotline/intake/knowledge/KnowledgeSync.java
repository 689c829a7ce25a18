package city.hotline.intake.knowledge;

import city.hotline.support.PeriodicTask;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Keeps this replica's {@link KnowledgeIndex} as the store is, so every replica answers alike: at start it writes the
 * seed (when absent) and reads every article; then every {@code hotline.knowledge.refresh} it reads the articles
 * written since the last write it saw, less a margin (a write that took long to land, another machine's clock). This
 * replica's own writes are indexed as they are made. A store that is away at start does not stop the service: the
 * index stays empty and the next pass tries again.
 */
@Component
public class KnowledgeSync extends PeriodicTask {
  private static final Logger log = LoggerFactory.getLogger(KnowledgeSync.class);
  /** Before the web server (phase {@code Integer.MAX_VALUE - 1024}): the first calls find the articles. */
  private static final int PHASE = 0;

  private final ArticleRepository articles;
  private final KnowledgeIndex index;
  private final KnowledgeSeed seed;
  private final KnowledgeSettings settings;
  private volatile boolean loaded;
  /** The latest write time read from the store; the next pass reads from a margin before it. */
  private volatile Instant lastSeen = Instant.EPOCH;

  public KnowledgeSync(ArticleRepository articles, KnowledgeIndex index, KnowledgeSeed seed,
      KnowledgeSettings settings) {
    super("knowledge-refresh", settings.refresh(), "knowledge index refresh failed, the index keeps what it has");
    this.articles = articles;
    this.index = index;
    this.seed = seed;
    this.settings = settings;
  }

  /** The first pass on the starting thread, so the articles are there before the web server takes calls. */
  @Override
  public void start() {
    runNow();
    startAfter(interval());
  }

  @Override
  public int getPhase() {
    return PHASE;
  }

  /** One pass: the whole store until it has been read once, then what was written since. */
  @Override
  protected void runOnce() {
    if (!loaded) {
      if (settings.seed()) {
        seed.write();
      }
      int read = read(null);
      loaded = true;
      log.info("knowledge index built articles={}", read);
    } else {
      read(lastSeen.minus(settings.refreshMargin()));
    }
  }

  private int read(Instant since) {
    AtomicInteger changed = new AtomicInteger();
    AtomicReference<Instant> latest = new AtomicReference<>(lastSeen);
    Consumer<Article> take = article -> {
      if (index.stage(article)) {
        changed.incrementAndGet();
      }
      if (article.changedAt() != null && article.changedAt().isAfter(latest.get())) {
        latest.set(article.changedAt());
      }
    };
    if (since == null) {
      articles.forEach(take);
    } else {
      articles.forEachWrittenSince(since, take);
    }
    if (changed.get() > 0) {
      index.refresh();
    }
    lastSeen = latest.get(); // only after a complete read: a pass that failed half-way is read again from as before
    return changed.get();
  }
}
