package city.hotline.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.MongoCommandException;
import com.mongodb.ServerAddress;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.bson.BsonDocument;
import org.bson.BsonInt32;
import org.bson.BsonString;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** Counters on the embedded store: each name counts 1, 2, … and no number is handed out twice, even at once. */
class CountersTest {
  private static final MongoWireTestServer MONGO = new MongoWireTestServer();
  private static final MongoClient CLIENT = MongoClients.create(MONGO.uri());

  @AfterAll
  static void stop() {
    CLIENT.close();
    MONGO.close();
  }

  @Test
  void eachCounterCountsFromOneOnItsOwn() {
    MongoCollection<Document> counters = CLIENT.getDatabase("counters").getCollection("counters");
    assertThat(List.of(Counters.next(counters, "article"), Counters.next(counters, "article"),
        Counters.next(counters, "proposal"), Counters.next(counters, "article"))).containsExactly(1L, 2L, 1L, 3L);
  }

  @Test
  void callersAtOnceNeverGetTheSameNumber() throws Exception {
    MongoCollection<Document> counters = CLIENT.getDatabase("counters-at-once").getCollection("counters");
    ExecutorService callers = Executors.newFixedThreadPool(8);
    try {
      List<Future<Long>> taken = new ArrayList<>();
      for (int i = 0; i < 80; i++) {
        taken.add(callers.submit(() -> Counters.next(counters, "topic")));
      }
      List<Long> numbers = new ArrayList<>();
      for (Future<Long> number : taken) {
        numbers.add(number.get());
      }
      assertThat(numbers).containsExactlyInAnyOrderElementsOf(LongStream.rangeClosed(1, 80).boxed().toList());
    } finally {
      callers.shutdown();
    }
  }

  /** Two replicas opening the same counter: the one told "duplicate key" retries once and finds the other's. */
  @Test
  void theLoserOfARaceToCreateTheCounterRetriesOnce() {
    @SuppressWarnings("unchecked")
    MongoCollection<Document> counters = mock(MongoCollection.class);
    when(counters.findOneAndUpdate(any(Bson.class), any(Bson.class), any(FindOneAndUpdateOptions.class)))
        .thenThrow(error(11000)).thenReturn(new Document("_id", "topic").append("seq", 1L));
    assertThat(Counters.next(counters, "topic")).isEqualTo(2);

    when(counters.findOneAndUpdate(any(Bson.class), any(Bson.class), any(FindOneAndUpdateOptions.class)))
        .thenThrow(error(91));
    assertThatThrownBy(() -> Counters.next(counters, "topic")).isInstanceOf(MongoCommandException.class);
  }

  private static MongoCommandException error(int code) {
    return new MongoCommandException(new BsonDocument("ok", new BsonInt32(0)).append("code", new BsonInt32(code))
        .append("errmsg", new BsonString("error " + code)), new ServerAddress());
  }
}
