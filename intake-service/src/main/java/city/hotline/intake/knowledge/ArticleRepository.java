package city.hotline.intake.knowledge;

import city.hotline.support.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * 知识库 articles by id ({@code _id}), each with its whole history in one document. Every change is one guarded write
 * of the article as {@link Article} decided it, made only while the stored version is still the one it was decided on.
 * Each write is stamped with the writing machine's time ({@code changedAt}), so every replica's index finds the
 * articles written since it last looked.
 */
@Repository
public class ArticleRepository {
  public static final String COLLECTION = "knowledge_articles";
  /** Articles per round trip when the index reads them in bulk. */
  private static final int BATCH = 500;

  private final MongoCollection<Article> articles;
  /** Write time, not the service's clock (which a demonstration may run fast): it orders writes across replicas. */
  private final Clock writeClock = Clock.systemUTC();

  public ArticleRepository(MongoDatabase database) {
    this.articles = database.getCollection(COLLECTION, Article.class);
    // every replica's poll: the articles written since it last looked
    articles.createIndex(Indexes.ascending(Article.CHANGED_AT));
  }

  /** @return false when an article with this id exists already (a seed another replica wrote first) */
  public boolean insert(Article article) {
    return Inserts.insertIfAbsent(articles, stamped(article));
  }

  public Optional<Article> find(String id) {
    return Optional.ofNullable(articles.find(Filters.eq(Article.ID, id)).first());
  }

  /**
   * Writes the article's next version only while version {@code basedOn} is stored.
   *
   * @return false when another change was written meanwhile
   */
  public boolean replace(Article next, int basedOn) {
    return articles.replaceOne(Filters.and(Filters.eq(Article.ID, next.id()), Filters.eq(Article.VERSION, basedOn)),
        stamped(next)).getMatchedCount() > 0;
  }

  /** Which of these ids are stored. */
  public Set<String> existing(Collection<String> ids) {
    return articles.find(Filters.in(Article.ID, ids), StoredId.class).projection(Projections.include(Article.ID))
        .into(new ArrayList<>()).stream().map(StoredId::id).collect(Collectors.toSet());
  }

  /** Every article, without its history (the index needs the current version only). */
  public void forEach(Consumer<Article> reader) {
    forEachMatching(new Document(), reader);
  }

  /** The articles written at or after {@code since}, without their history. */
  public void forEachWrittenSince(Instant since, Consumer<Article> reader) {
    forEachMatching(Filters.gte(Article.CHANGED_AT, since), reader);
  }

  private void forEachMatching(Bson filter, Consumer<Article> reader) {
    articles.find(filter).projection(Projections.exclude(Article.VERSIONS)).batchSize(BATCH).forEach(reader);
  }

  private Article stamped(Article article) {
    return article.writtenAt(writeClock.instant().truncatedTo(ChronoUnit.MILLIS));
  }

  /** An article read for its id alone. */
  public record StoredId(@BsonId String id) {}

  /** How many articles are stored (the seed's test counts them). */
  long count() {
    return articles.countDocuments();
  }
}
