package city.hotline.intake.complaint;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.Comparator;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * A caller's tickets by phone number ({@code _id}): "where is my complaint?" is one keyed read, not
 * a scan of all work orders. Written before the work order, so it never misses one; an entry whose
 * work order was never written (a crash in between) is skipped on read.
 */
@Repository
public class CallerIndex {
  private final MongoCollection<Document> callers;

  CallerIndex(MongoDatabase database) {
    this.callers = database.getCollection("caller_tickets");
  }

  void add(String phone, String ticketId) {
    callers.updateOne(Filters.eq("_id", phone), Updates.addToSet("tickets", ticketId), new UpdateOptions().upsert(true));
  }

  /** Takes back an entry whose number turned out to be another call's. */
  void remove(String phone, String ticketId) {
    callers.updateOne(Filters.eq("_id", phone), Updates.pull("tickets", ticketId));
  }

  /** The caller's ticket numbers, newest first (ticket numbers sort by day and sequence). */
  public List<String> tickets(String phone, int limit) {
    Document caller = callers.find(Filters.eq("_id", phone)).first();
    List<String> tickets = caller == null ? List.of() : caller.getList("tickets", String.class, List.of());
    return tickets.stream().sorted(Comparator.reverseOrder()).limit(limit).toList();
  }
}
