package city.hotline.intake.search;

import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.ComplaintView;
import city.hotline.intake.complaint.TicketNumber;
import city.hotline.support.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import com.mongodb.client.model.WriteModel;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The search index: posting lists keyed {@code day|facet|value|block} ({@code _id}), each holding the
 * tickets of one day, one block of 1,000 ticket numbers, with that facet value. A search reads the
 * lists for its days and filters by key and intersects them, so it never scans the work orders; a
 * block keeps every list small enough to update in place. Written off the registration path, from
 * intake's own events (facets, which never change) and from every status change.
 */
@Repository
public class SearchIndex {
  static final int BLOCK = 1000;
  static final String ALL = "all";
  private static final int MAX_STATUS_RACES = 10;

  private final MongoCollection<Document> postings;
  private final ComplaintRepository complaints;

  SearchIndex(MongoDatabase database, ComplaintRepository complaints) {
    this.postings = database.getCollection("search_postings");
    this.complaints = complaints;
  }

  /** The facets a work order never changes after registration, and the every-ticket list. */
  void addFacets(ComplaintView view) {
    Map<Facet, String> facets = Map.of(
        Facet.DISTRICT, view.district(), Facet.CATEGORY, view.category(), Facet.TYPE, view.type().name(),
        Facet.CHANNEL, view.channel().name(), Facet.URGENCY, view.urgency().name(), Facet.ALL, ALL);
    List<WriteModel<Document>> writes = new ArrayList<>();
    facets.forEach((facet, value) -> writes.add(add(key(view.ticketId(), facet, value), view.ticketId())));
    postings.bulkWrite(writes);
  }

  /**
   * Moves the ticket to the posting list of its current status. Several listeners may call this at
   * once for one ticket; a marker per ticket records the status indexed, and only the caller that
   * moves the marker from the status it read wins, the others look again.
   */
  public void syncStatus(String ticketId) {
    for (int attempt = 0; attempt < MAX_STATUS_RACES; attempt++) {
      ComplaintStatus current = complaints.status(ticketId).orElse(null);
      Document marker = postings.find(Filters.eq("_id", markerId(ticketId))).first();
      String indexed = marker == null ? null : marker.getString("status");
      if (current == null || current.name().equals(indexed)) {
        return;
      }
      List<WriteModel<Document>> writes = new ArrayList<>();
      writes.add(add(key(ticketId, Facet.STATUS, current.name()), ticketId));
      if (indexed != null) {
        writes.add(new UpdateOneModel<>(Filters.eq("_id", key(ticketId, Facet.STATUS, indexed)),
            Updates.pull("tickets", ticketId)));
      }
      postings.bulkWrite(writes);
      if (moveMarker(ticketId, indexed, current.name())) {
        return;
      }
      // Another listener moved the marker first; take back our entry unless that is where it moved it.
      Document now = postings.find(Filters.eq("_id", markerId(ticketId))).first();
      if (now == null || !current.name().equals(now.getString("status"))) {
        postings.updateOne(Filters.eq("_id", key(ticketId, Facet.STATUS, current.name())),
            Updates.pull("tickets", ticketId));
      }
    }
    throw new IllegalStateException("status of " + ticketId + " kept changing while it was indexed");
  }

  /** The posting lists under these keys; a key without a list is absent. */
  Map<String, Set<String>> postings(List<String> keys) {
    Map<String, Set<String>> lists = new HashMap<>();
    postings.find(Filters.in("_id", keys))
        .forEach(d -> lists.put(d.getString("_id"), new HashSet<>(d.getList("tickets", String.class, List.of()))));
    return lists;
  }

  static String key(String day, Facet facet, String value, long block) {
    return day + "|" + facet.key() + "|" + value + "|" + block;
  }

  private static String key(String ticketId, Facet facet, String value) {
    return key(TicketNumber.day(ticketId), facet, value, TicketNumber.sequence(ticketId) / BLOCK);
  }

  private boolean moveMarker(String ticketId, String from, String to) {
    if (from == null) {
      return Inserts.insertIfAbsent(postings, new Document("_id", markerId(ticketId)).append("status", to));
    }
    return postings.updateOne(Filters.and(Filters.eq("_id", markerId(ticketId)), Filters.eq("status", from)),
        Updates.set("status", to)).getMatchedCount() > 0;
  }

  private static String markerId(String ticketId) {
    return "ticket|" + ticketId;
  }

  private static UpdateOneModel<Document> add(String key, String ticketId) {
    return new UpdateOneModel<>(Filters.eq("_id", key), Updates.addToSet("tickets", ticketId),
        new UpdateOptions().upsert(true));
  }
}
