package city.hotline.support.mongo;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;

/**
 * Numbers from counter documents ({@code {_id: name, seq: n}}), so replicas never hand out one twice (ids such as
 * KB001001 or GT000001), and the upsert they are made of.
 */
public final class Counters {
  private static final int DUPLICATE_KEY = 11000;
  private static final FindOneAndUpdateOptions UPSERT_BEFORE =
      new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);

  private Counters() {}

  /**
   * The counter's next number, 1 the first time: the counter as it stood before this increment, plus one. Racing
   * callers each get their own number, on MongoDB and on the embedded store alike (AtomicFindAndModifyTest).
   */
  public static long next(MongoCollection<Document> counters, String name) {
    Document before = upsert(counters, Filters.eq("_id", name), Updates.inc("seq", 1L));
    return (before == null ? 0 : ((Number) before.get("seq")).longValue()) + 1;
  }

  /**
   * One findOneAndUpdate that creates the document when none matches, returning it as it was before (null: this call
   * created it). When two replicas create the same document at once, the loser is told of a duplicate key: its one
   * retry finds the winner's document and updates it.
   */
  public static Document upsert(MongoCollection<Document> collection, Bson filter, Bson update) {
    try {
      return collection.findOneAndUpdate(filter, update, UPSERT_BEFORE);
    } catch (MongoException e) {
      if (e.getCode() != DUPLICATE_KEY) {
        throw e;
      }
      return collection.findOneAndUpdate(filter, update, UPSERT_BEFORE);
    }
  }
}
