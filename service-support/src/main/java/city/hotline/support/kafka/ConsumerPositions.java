package city.hotline.support.kafka;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOneModel;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;

/**
 * Where each of this service's consumers stands, kept in the service's own database beside the state the
 * events produced (SPEC §8.1). Kafka's committed offsets say what the consumer read; if the database comes
 * back older than that (a restored backup), the events between are in neither. A position here is written
 * only after the state of every event before it was acknowledged by the database, so any copy of the
 * database that holds a position also holds what led to it: starting from it replays, at worst, events the
 * state already has, which the idempotent consumers ignore.
 *
 * <p>One document per consumer group and partition: {@code {_id: "group|topic|partition", offset}}, the
 * offset of the next record to read. Positions only move forward ({@code $max}).
 */
public class ConsumerPositions {
  static final String COLLECTION = "consumer_positions";

  private final MongoCollection<Document> positions;
  private final Clock clock;
  /** Processed but not yet written: group -> partition -> next offset. */
  private final Map<String, Map<TopicPartition, Long>> pending = new ConcurrentHashMap<>();

  public ConsumerPositions(MongoDatabase database, Clock clock) {
    this.positions = database.getCollection(COLLECTION);
    this.clock = clock;
  }

  /** A record is done: its effects are in the database, or it went to the dead-letter topic. */
  void processed(String group, String topic, int partition, long offset) {
    pending.computeIfAbsent(group, g -> new ConcurrentHashMap<>())
        .merge(new TopicPartition(topic, partition), offset + 1, Math::max);
  }

  /** Writes what was processed since the last call; what fails to be written is kept for the next. */
  void flush() {
    for (Map.Entry<String, Map<TopicPartition, Long>> group : pending.entrySet()) {
      Map<TopicPartition, Long> batch = new HashMap<>();
      for (TopicPartition partition : List.copyOf(group.getValue().keySet())) {
        Long offset = group.getValue().remove(partition);
        if (offset != null) {
          batch.put(partition, offset);
        }
      }
      if (batch.isEmpty()) {
        continue;
      }
      try {
        positions.bulkWrite(batch.entrySet().stream().map(e -> new UpdateOneModel<Document>(
            Filters.eq("_id", key(group.getKey(), e.getKey())),
            Updates.combine(Updates.max("offset", e.getValue()), Updates.set("at", clock.instant())),
            new UpdateOptions().upsert(true))).toList());
      } catch (RuntimeException e) {
        batch.forEach((partition, offset) -> group.getValue().merge(partition, offset, Math::max));
        throw e;
      }
    }
  }

  /** The stored positions of a group on the given partitions; a partition never processed is absent. */
  Map<TopicPartition, Long> read(String group, Collection<TopicPartition> partitions) {
    Map<String, TopicPartition> byKey = new HashMap<>();
    partitions.forEach(partition -> byKey.put(key(group, partition), partition));
    Map<TopicPartition, Long> found = new HashMap<>();
    positions.find(Filters.in("_id", byKey.keySet()))
        .forEach(d -> found.put(byKey.get(d.getString("_id")), ((Number) d.get("offset")).longValue()));
    return found;
  }

  private static String key(String group, TopicPartition partition) {
    return group + "|" + partition.topic() + "|" + partition.partition();
  }
}
