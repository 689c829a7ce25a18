package city.hotline.intake.complaint;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The repository's queries, guarded writes and indexes against the official MongoDB image, so what passes on the
 * embedded store also holds on a real MongoDB. Skipped where no Docker engine is reachable.
 */
@Testcontainers(disabledWithoutDocker = true)
class ComplaintRepositoryContainersTest extends ComplaintRepositoryQueries {
  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

  private MongoClient client;

  @Override
  MongoDatabase database() {
    client = MongoClients.create(MONGO.getConnectionString());
    MongoDatabase database = client.getDatabase("intake-test");
    database.drop(); // each test starts from the same six work orders
    return database;
  }

  @AfterEach
  void close() {
    client.close();
  }
}
