package city.hotline.gateway.store;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** The gateway's store writes as the services do (SPEC §8.1): a majority's journal, unless its URI names its own w. */
class GatewayStoreTest {

  private static MongoClient client(String uri) {
    return new GatewayStore().gatewayMongoClient(new GatewayStore.Settings(uri, "gateway", Duration.ofSeconds(3)));
  }

  @Test
  void writesWaitForAMajoritysJournalAndTheEmbeddedStoreTakesThat() {
    try (MongoWireTestServer server = new MongoWireTestServer(); MongoClient client = client(server.uri())) {
      MongoCollection<Document> users = client.getDatabase("gateway").getCollection("users");
      assertThat(users.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
      users.insertOne(new Document("_id", "operator").append("failures", 0));
      users.updateOne(Filters.eq("_id", "operator"), Updates.inc("failures", 1));
      assertThat(users.find(Filters.eq("_id", "operator")).first().getInteger("failures")).isEqualTo(1);
    }
  }

  @Test
  void theUrisOwnWriteConcernWins() {
    try (MongoClient client = client("mongodb://127.0.0.1:1/?replicaSet=rs0&w=2&journal=false")) {
      assertThat(client.getDatabase("gateway").getWriteConcern()).isEqualTo(new WriteConcern(2).withJournal(false));
    }
  }
}
