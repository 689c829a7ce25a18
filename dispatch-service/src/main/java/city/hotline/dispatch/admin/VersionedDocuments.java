package city.hotline.dispatch.admin;

import city.hotline.support.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import org.bson.Document;

/**
 * Writes of admin-edited data that carry a {@code version}: version 1 is inserted only where nothing is,
 * every later version only over the version it was based on. A single-document guard, so of two edits
 * of the same version exactly one is stored and the other learns it lost (409).
 */
public final class VersionedDocuments {
  /** Who made the versions the configuration seeded on first start. */
  public static final String SEED = "seed";
  public static final String VERSION = "version";

  private VersionedDocuments() {}

  /**
   * @param fields the document's fields besides {@code _id}, including its new {@link #VERSION}
   * @return false when another edit got there first (the document exists, or has moved past {@code version - 1})
   */
  public static boolean save(MongoCollection<Document> collection, Object id, Document fields) {
    int version = fields.getInteger(VERSION);
    if (version == 1) {
      Document document = new Document("_id", id);
      document.putAll(fields);
      return Inserts.insertIfAbsent(collection, document);
    }
    return collection.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq(VERSION, version - 1)),
        new Document("$set", fields)).getMatchedCount() == 1;
  }

  /** A document the configuration seeds: written where none is, never over an admin's edit (so replicas may race). */
  public static void seed(MongoCollection<Document> collection, Object id, Document fields) {
    collection.updateOne(Filters.eq("_id", id), new Document("$setOnInsert", fields), new UpdateOptions().upsert(true));
  }
}
