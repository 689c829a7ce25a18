package city.hotline.feedback.heat;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.UpdateOptions;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicBoolean;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The heat layer's cells on the store: every call counted once, however the counts of a new cell meet. */
class HeatRepositoryTest {
  private static final MongoWireTestServer MONGO = new MongoWireTestServer();
  private static final MongoClient CLIENT = MongoClients.create(MONGO.uri());
  private static final LocalDate DAY = LocalDate.of(2026, 12, 7);
  private static final String CELL = "E114.30N30.58";

  @AfterAll
  static void stop() {
    CLIENT.close();
    MONGO.close();
  }

  /**
   * Two replicas count the first two calls of a new cell at once: the store found no cell for either, so both
   * insert one, and the later insert meets the earlier one's cell. Both calls count, and counted again neither does.
   */
  @Test
  void theFirstCallsOfANewCellCountedAtOnceBothCount() {
    MongoDatabase database = CLIENT.getDatabase("heat-race");
    HeatRepository otherReplica = new HeatRepository(database);
    HeatRepository heat = new HeatRepository(racingOnFirstCount(database,
        () -> otherReplica.count(DAY, "GAS_SAFETY", "HANNAN", CELL, "WH20261207000002")));

    heat.count(DAY, "GAS_SAFETY", "HANNAN", CELL, "WH20261207000001");
    assertThat(counts(heat)).as("the other replica's call and this one").containsExactly(2L);

    heat.count(DAY, "GAS_SAFETY", "HANNAN", CELL, "WH20261207000001");
    otherReplica.count(DAY, "GAS_SAFETY", "HANNAN", CELL, "WH20261207000002");
    assertThat(counts(heat)).as("redelivered, counted once").containsExactly(2L);
  }

  private static List<Long> counts(HeatRepository heat) {
    List<Long> counts = new ArrayList<>();
    heat.forEachOver(DAY, DAY, null, null, c -> counts.add(c.count()));
    return counts;
  }

  /**
   * The database, where the first upsert of a heat cell meets another replica's as the store would: the other's count
   * runs first and creates the cell, then this upsert's insert of the cell (its filter found none) reaches the store.
   */
  private static MongoDatabase racingOnFirstCount(MongoDatabase database, Runnable otherCount) {
    MongoCollection<Document> raw = database.getCollection(HeatRepository.COLLECTION);
    AtomicBoolean raced = new AtomicBoolean();
    return proxy(MongoDatabase.class, database, (self, method, args) -> {
      Object result = invoke(database, method, args);
      if (!(result instanceof MongoCollection<?> cells)) {
        return result;
      }
      return proxy(MongoCollection.class, cells, (c, m, a) -> {
        if (m.getName().equals("updateOne") && a.length == 3 && a[2] instanceof UpdateOptions options
            && options.isUpsert() && raced.compareAndSet(false, true)) {
          otherCount.run();
          raw.insertOne(new Document("_id", raw.find().first().get("_id")));
        }
        return invoke(cells, m, a);
      });
    });
  }

  private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
    return type.cast(Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, handler));
  }

  private static Object invoke(Object target, java.lang.reflect.Method method, Object[] args) throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
