package city.hotline.feedback.governance;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Sorts;
import com.mongodb.client.model.Updates;
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
  private static final int DUPLICATE_KEY = 11000;

  private final MongoCollection<Topic> topics;
  private final MongoCollection<Document> counters;

  TopicRepository(MongoDatabase database) {
    this.topics = database.getCollection(COLLECTION, Topic.class);
    this.counters = database.getCollection(COUNTERS);
    topics.createIndex(Indexes.descending(CREATED_AT, "_id")); // the list, newest first
  }

  /**
   * The next id: the counter as it stood before this increment, plus one (the embedded store may answer "after" with
   * a document a concurrent increment changed already, as intake's KnowledgeIds found).
   */
  String nextId() {
    FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);
    Document before;
    try {
      before = counters.findOneAndUpdate(Filters.eq("_id", TOPIC_COUNTER), Updates.inc("seq", 1L), upsert);
    } catch (MongoException e) {
      if (e.getCode() != DUPLICATE_KEY) { // two replicas opened the counter at once; the loser's retry finds it
        throw e;
      }
      before = counters.findOneAndUpdate(Filters.eq("_id", TOPIC_COUNTER), Updates.inc("seq", 1L), upsert);
    }
    long seq = (before == null ? 0 : ((Number) before.get("seq")).longValue()) + 1;
    return String.format("GT%06d", seq);
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
