package city.hotline.dispatch.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The case repository's queries, guarded writes and indexes against the official MongoDB image, so what
 * passes on the embedded store also holds on a real MongoDB, and each query is answered from its index.
 * Skipped where no Docker engine is reachable.
 */
@Testcontainers(disabledWithoutDocker = true)
class CaseRepositoryContainersTest extends CaseRepositoryContract {

  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");
  private static MongoClient client;

  @Override
  protected MongoDatabase database(String name) {
    if (client == null) {
      client = MongoClients.create(MONGO.getConnectionString());
    }
    return client.getDatabase(name);
  }

  @AfterAll
  static void close() {
    if (client != null) {
      client.close();
      client = null;
    }
  }

  /**
   * The plan MongoDB picks for each query shape the repository sends: an index scan on the index meant for
   * it. Cases of several units first, so the planner's trial has something to choose by.
   */
  @Test
  void eachQueryShapeIsAnsweredFromItsIndex() {
    Instant now = Instant.now();
    for (int i = 0; i < 30; i++) {
      store("WH202612075%05d".formatted(i), i % 5 == 0 ? JIANGAN : WUCHANG, "SANITATION", now.plusSeconds(60L * i));
    }
    Bson unitQueue = Filters.and(Filters.in(Case.STATE, List.of("DISPATCHED", "CLAIMED")),
        Filters.eq(Case.UNIT_ID, "JIANGAN_CGJ"));
    Bson deskQueue = Filters.and(Filters.eq(Case.STATE, "RETURNED"));
    Bson due = Filters.lte(Case.DUE_AT, now);
    assertThat(plan(unitQueue, Sorts.ascending(Case.DEADLINE, Case.ENTERED_AT, Case.ID)))
        .contains("IXSCAN", "unitId_1_state_1_deadline_1");
    assertThat(plan(deskQueue, Sorts.ascending(Case.DEADLINE, Case.ENTERED_AT, Case.ID)))
        .contains("IXSCAN", "state_1_deadline_1");
    assertThat(plan(due, Sorts.ascending(Case.DUE_AT))).contains("IXSCAN", "dueAt_1");
  }

  private String plan(Bson filter, Bson sort) {
    Document explained = database.getCollection(CaseRepository.COLLECTION).find(filter).sort(sort).explain();
    return explained.get("queryPlanner", Document.class).get("winningPlan", Document.class).toJson();
  }
}
