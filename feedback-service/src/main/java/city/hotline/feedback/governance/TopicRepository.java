package city.hotline.feedback.governance;

import city.hotline.support.mongo.Counters;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The governance topics ({@link Topic}, {@code _id} GT000001, …), typed by the driver's record codec; ids from a
 * counter in the database, so replicas never hand out one twice. Opening a topic is one insert.
 */
@Repository
class TopicRepository {
  static final String COLLECTION = "governance_topics";
  private static final String COUNTERS = "governance_counters";
  private static final String TOPIC_COUNTER = "topic";
  private static final String CREATED_AT = "createdAt";

  private final MongoCollection<Topic> topics;
  private final MongoCollection<Document> counters;

  TopicRepository(MongoDatabase database) {
    this.topics = database.getCollection(COLLECTION, Topic.class);
    this.counters = database.getCollection(COUNTERS);
    topics.createIndex(Indexes.descending(CREATED_AT, "_id")); // the list, newest first
  }

  /** The next id, from the database's counter: GT000001, GT000002, … */
  String nextId() {
    return String.format("GT%06d", Counters.next(counters, TOPIC_COUNTER));
  }

  void insert(Topic topic) {
    topics.insertOne(topic);
  }

  Optional<Topic> find(String id) {
    return Optional.ofNullable(topics.find(Filters.eq("_id", id)).first());
  }

  List<Topic> newestFirst(int limit) {
    return topics.find().sort(Sorts.descending(CREATED_AT, "_id")).limit(limit).into(new ArrayList<>());
  }
}
