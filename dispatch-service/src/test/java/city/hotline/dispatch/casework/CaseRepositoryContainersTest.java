package city.hotline.dispatch.casework;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The case repository's guarded writes against the official MongoDB image, so what passes on the
 * embedded Mongo-wire server also holds on a real MongoDB. Skipped where no Docker engine is reachable.
 */
@Testcontainers(disabledWithoutDocker = true)
class CaseRepositoryContainersTest {

  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

  @Test
  void aTransitionAppliesOnceAndARedeliveredCaseIsNotInsertedTwice() {
    try (MongoClient client = MongoClients.create(MONGO.getConnectionString())) {
      CaseRepository cases = new CaseRepository(client.getDatabase("dispatch-test"));
      Document kase = new Document("_id", "WH20261123000001").append("state", CaseState.DISPATCHED.name())
          .append("audit", List.of());

      assertThat(cases.insertIfAbsent(kase)).isTrue();
      assertThat(cases.insertIfAbsent(new Document(kase))).isFalse();

      Document audit = CaseDocuments.audit(Instant.now(), CaseAction.CLAIM, CaseState.CLAIMED, "bureau", "签收");
      assertThat(cases.transition("WH20261123000001", CaseAction.CLAIM, List.of(), List.of(Updates.set("claimedBy", "a")), audit, null))
          .hasValueSatisfying(d -> assertThat(d.getString("state")).isEqualTo("CLAIMED"));
      assertThat(cases.transition("WH20261123000001", CaseAction.CLAIM, List.of(), List.of(Updates.set("claimedBy", "b")), audit, null))
          .isEmpty();
      assertThat(cases.find("WH20261123000001").orElseThrow().getString("claimedBy")).isEqualTo("a");
    }
  }
}
