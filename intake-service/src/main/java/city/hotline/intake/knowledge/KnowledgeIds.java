package city.hotline.intake.knowledge;

import city.hotline.support.mongo.Counters;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Ids for new articles (KB001001, …) and proposals (KP000001, …) from counters in the database, so replicas never
 * hand out one twice. Articles count from {@link #FIRST_ARTICLE}: the ids below are the seed's.
 */
@Component
public class KnowledgeIds {
  static final long FIRST_ARTICLE = 1000;
  private final MongoCollection<Document> counters;

  public KnowledgeIds(MongoDatabase database) {
    this.counters = database.getCollection("knowledge_counters");
  }

  public String nextArticle() {
    return String.format("KB%06d", FIRST_ARTICLE + Counters.next(counters, "article"));
  }

  public String nextProposal() {
    return String.format("KP%06d", Counters.next(counters, "proposal"));
  }
}
