package city.hotline.feedback.visit;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The operators' return-visit queue (回访队列): open visits only, one small document each, so reading a
 * page never goes through the history of closed visits. Written after the visit changes; a page
 * re-reads its visits by key, so an entry left behind by a crash is never shown and is dropped then.
 */
@Repository
class VisitQueue {
  private final MongoCollection<Document> queue;

  VisitQueue(MongoDatabase database) {
    this.queue = database.getCollection("visit_queue");
  }

  void put(String ticketId, Instant resolvedAt) {
    queue.replaceOne(Filters.eq("_id", ticketId), new Document("_id", ticketId).append("resolvedAt", Date.from(resolvedAt)),
        new ReplaceOptions().upsert(true));
  }

  void remove(String ticketId) {
    queue.deleteOne(Filters.eq("_id", ticketId));
  }

  /** Ticket ids of a page, the longest-waiting first. */
  List<String> page(int page, int size) {
    List<String> ids = new ArrayList<>();
    queue.find().sort(Sorts.ascending("resolvedAt", "_id")).skip(page * size).limit(size)
        .forEach(d -> ids.add(d.getString("_id")));
    return ids;
  }

  long total() {
    return queue.countDocuments();
  }
}
