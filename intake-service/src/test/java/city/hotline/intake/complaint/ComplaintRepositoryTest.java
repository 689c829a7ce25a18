package city.hotline.intake.complaint;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterEach;

/** The repository's queries on the store the service tests use. */
class ComplaintRepositoryTest extends ComplaintRepositoryQueries {
  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());

  @Override
  MongoDatabase database() {
    return client.getDatabase("intake");
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }
}
