package city.hotline.support.mongo;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.support.HotlineProperties;
import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.ConnectionString;
import com.mongodb.WriteConcern;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.junit.jupiter.api.Test;

/** SPEC §8.1: writes wait for a majority's journal unless the connection string names its own w or journal. */
class MongoWriteConcernTest {

  private static WriteConcern of(String uri) {
    return MongoConfiguration.writeConcernFor(new ConnectionString(uri));
  }

  @Test
  void withoutOneInTheConnectionStringWritesWaitForAMajoritysJournal() {
    assertThat(of("mongodb://localhost:27018")).isEqualTo(WriteConcern.MAJORITY.withJournal(true));
    assertThat(of("mongodb://db1,db2,db3/?replicaSet=rs0&readPreference=primary"))
        .isEqualTo(WriteConcern.MAJORITY.withJournal(true));
    assertThat(MongoConfiguration.DURABLE_WRITES.asDocument().toJson()).isEqualTo("{\"w\": \"majority\", \"j\": true}");
  }

  @Test
  void theConnectionStringsOwnWOrJournalWins() {
    assertThat(of("mongodb://db1/?replicaSet=rs0&w=1")).isEqualTo(WriteConcern.W1);
    assertThat(of("mongodb://db1/?w=2&journal=false")).isEqualTo(new WriteConcern(2).withJournal(false));
    assertThat(of("mongodb://db1/?w=majority")).isEqualTo(WriteConcern.MAJORITY);
    assertThat(of("mongodb://db1/?journal=true")).isEqualTo(WriteConcern.JOURNALED);
    assertThat(of("mongodb://db1/?w=0")).isEqualTo(WriteConcern.UNACKNOWLEDGED);
  }

  @Test
  void aTimeoutAloneKeepsTheDurableDefaultAndWaitsThatLong() {
    assertThat(of("mongodb://db1/?wtimeoutMS=5000"))
        .isEqualTo(WriteConcern.MAJORITY.withJournal(true).withWTimeout(5000, TimeUnit.MILLISECONDS));
  }

  @Test
  void theServicesClientWritesSoAndTheEmbeddedStoreTakesIt() {
    try (MongoWireTestServer server = new MongoWireTestServer();
        MongoClient client = client(server.uri())) {
      MongoCollection<Document> things = client.getDatabase("intake").getCollection("things");
      assertThat(things.getWriteConcern()).isEqualTo(WriteConcern.MAJORITY.withJournal(true));

      things.insertOne(new Document("_id", "a").append("n", 1));
      things.updateOne(Filters.eq("_id", "a"), Updates.inc("n", 1));
      Document counted = things.findOneAndUpdate(Filters.eq("_id", "a"), Updates.inc("n", 1),
          new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
      things.deleteMany(Filters.eq("_id", "missing"));
      assertThat(counted.getInteger("n")).isEqualTo(3);
    }
  }

  @Test
  void theServicesClientKeepsTheConnectionStringsOwnWriteConcern() {
    try (MongoClient client = client("mongodb://127.0.0.1:1/?w=1")) {
      assertThat(client.getDatabase("intake").getWriteConcern()).isEqualTo(WriteConcern.W1);
    }
  }

  private static MongoClient client(String uri) {
    HotlineProperties properties = new HotlineProperties("intake-service",
        new HotlineProperties.Mongo(uri, "intake", Duration.ofSeconds(3)), null, null);
    return new MongoConfiguration().mongoClient(properties);
  }
}
