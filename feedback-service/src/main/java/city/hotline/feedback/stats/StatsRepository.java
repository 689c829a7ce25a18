package city.hotline.feedback.stats;

import city.hotline.contracts.CaseFacts;
import city.hotline.support.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The statistics read model: one bucket per day × district × unit × category × urgency holding,
 * per figure, the set of tickets counted. {@code $addToSet} makes counting idempotent and
 * order-free in one single-document write: a redelivered event adds nothing. {@code stats_counted}
 * remembers, per ticket and figure, the bucket it was counted in, so a case counts once in all.
 */
@Repository
class StatsRepository {
  private final MongoCollection<Document> buckets;
  private final MongoCollection<Document> counted;

  StatsRepository(MongoDatabase database) {
    this.buckets = database.getCollection("stats_daily");
    this.counted = database.getCollection("stats_counted");
    buckets.createIndex(Indexes.ascending("day", "district", "unitId", "category"));
  }

  void count(LocalDate day, CaseFacts facts, List<Metric> metrics, String ticketId) {
    if (metrics.isEmpty()) {
      return;
    }
    String unitId = facts.unitId() == null ? "" : facts.unitId();
    String key = String.join("|", day.toString(), facts.district(), unitId, facts.category(), facts.urgency());
    List<Bson> updates = new ArrayList<>(List.of(
        Updates.setOnInsert("day", day.toString()),
        Updates.setOnInsert("district", facts.district()),
        Updates.setOnInsert("unitId", unitId),
        Updates.setOnInsert("category", facts.category()),
        Updates.setOnInsert("urgency", facts.urgency())));
    List<Metric> fresh = notCountedElsewhere(ticketId, metrics, key);
    if (fresh.isEmpty()) {
      return;
    }
    fresh.forEach(m -> updates.add(Updates.addToSet(m.field(), ticketId)));
    buckets.updateOne(Filters.eq("_id", key), Updates.combine(updates), new UpdateOptions().upsert(true));
    // Written after the bucket: a crash in between is healed by the redelivery, which finds the same bucket.
    fresh.forEach(m -> Inserts.insertIfAbsent(counted, new Document("_id", ticketId + "|" + m.name()).append("bucket", key)));
  }

  /**
   * A case counts once per figure: a second dispatch (by hand after a return, or after a reopening),
   * a second claim or resolution counts where the first did, not again in another day or unit.
   */
  private List<Metric> notCountedElsewhere(String ticketId, List<Metric> metrics, String key) {
    Map<String, String> firstBuckets = new HashMap<>();
    counted.find(Filters.in("_id", metrics.stream().map(m -> ticketId + "|" + m.name()).toList()))
        .forEach(d -> firstBuckets.put(d.getString("_id"), d.getString("bucket")));
    return metrics.stream()
        .filter(m -> key.equals(firstBuckets.getOrDefault(ticketId + "|" + m.name(), key))).toList();
  }

  /** Sums each figure over the buckets of a period that match the filters (null = any). */
  Map<Metric, Long> totals(LocalDate from, LocalDate to, String district, String unitId, String category) {
    List<Bson> filters = new ArrayList<>(List.of(Filters.gte("day", from.toString()), Filters.lte("day", to.toString())));
    if (district != null) {
      filters.add(Filters.eq("district", district));
    }
    if (unitId != null) {
      filters.add(Filters.eq("unitId", unitId));
    }
    if (category != null) {
      filters.add(Filters.eq("category", category));
    }
    Map<Metric, Long> totals = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      totals.put(metric, 0L);
    }
    for (Document bucket : buckets.find(Filters.and(filters))) {
      for (Metric metric : Metric.values()) {
        totals.merge(metric, (long) bucket.getList(metric.field(), String.class, List.of()).size(), Long::sum);
      }
    }
    if (unitId != null) {
      // A call is registered before it has a unit; what a unit received is what was dispatched to it.
      totals.put(Metric.RECEIVED, totals.get(Metric.DISPATCHED));
    }
    return totals;
  }
}
