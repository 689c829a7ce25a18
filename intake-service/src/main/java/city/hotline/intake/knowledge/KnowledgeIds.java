package city.hotline.intake.knowledge;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Ids for new articles (KB001001, …) and proposals (KP000001, …) from counters in the database, so replicas never
 * hand out one twice. Articles count from {@link #FIRST_ARTICLE}: the ids below are the seed's.
 */
@Component
public class KnowledgeIds {
  static final long FIRST_ARTICLE = 1000;
  private static final int DUPLICATE_KEY = 11000;
  private final MongoCollection<Document> counters;

  public KnowledgeIds(MongoDatabase database) {
    this.counters = database.getCollection("knowledge_counters");
  }

  public String nextArticle() {
    return String.format("KB%06d", FIRST_ARTICLE + next("article"));
  }

  public String nextProposal() {
    return String.format("KP%06d", next("proposal"));
  }

  /**
   * The counter as it stood before this increment, plus one: the embedded store answers "after" with a document a
   * concurrent increment may have changed already (as {@code TicketSequence} found).
   */
  private long next(String counter) {
    FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);
    Document before;
    try {
      before = counters.findOneAndUpdate(Filters.eq("_id", counter), Updates.inc("seq", 1L), upsert);
    } catch (MongoException e) {
      if (e.getCode() != DUPLICATE_KEY) { // two replicas opened the counter at once; the loser's retry finds it
        throw e;
      }
      before = counters.findOneAndUpdate(Filters.eq("_id", counter), Updates.inc("seq", 1L), upsert);
    }
    return (before == null ? 0 : ((Number) before.get("seq")).longValue()) + 1;
  }
}
