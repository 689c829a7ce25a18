package city.hotline.dispatch.casework;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import org.junit.jupiter.api.AfterAll;

/** The case repository's queries and guarded writes on the embedded store the services run on. */
class CaseRepositoryTest extends CaseRepositoryContract {
  private static final MongoWireTestServer SERVER = new MongoWireTestServer();
  private static final MongoClient CLIENT = MongoClients.create(SERVER.uri());

  @Override
  protected MongoDatabase database(String name) {
    return CLIENT.getDatabase(name);
  }

  @AfterAll
  static void close() {
    CLIENT.close();
    SERVER.close();
  }
}
