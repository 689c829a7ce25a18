package city.hotline.support.mongo;

import com.mongodb.ErrorCategory;
import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoCollection;

/** Inserting a document whose {@code _id} is its natural key, where "already there" is an answer, not an error. */
public final class Inserts {
  private Inserts() {}

  /** @return false when a document with the same {@code _id} (or other unique key) exists already */
  public static <T> boolean insertIfAbsent(MongoCollection<T> collection, T document) {
    try {
      collection.insertOne(document);
      return true;
    } catch (MongoWriteException e) {
      if (e.getError().getCategory() == ErrorCategory.DUPLICATE_KEY) {
        return false;
      }
      throw e;
    }
  }
}
