package city.hotline.dispatch.casework;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Plays a change on a picture of a case the way the store does: the picture is stored as it is, the change
 * applied through {@link CaseRepository}, and the case read back. Lets the state machine's tests follow a
 * case through several steps without Spring, on the embedded store.
 */
final class CaseApplier implements AutoCloseable {
  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());
  private final CaseRepository repository;
  private final MongoCollection<Case> cases;

  CaseApplier() {
    MongoDatabase database = client.getDatabase("dispatch-cases");
    repository = new CaseRepository(database);
    cases = database.getCollection(CaseRepository.COLLECTION, Case.class);
  }

  /** @throws IllegalStateException if the change's guards refuse the picture */
  Case apply(Case picture, CaseChange change) {
    cases.replaceOne(Filters.eq(Case.ID, picture.ticketId()), picture, new ReplaceOptions().upsert(true));
    return repository.apply(change, null).orElseThrow(() -> new IllegalStateException("guards refused " + change));
  }

  @Override
  public void close() {
    client.close();
    server.close();
  }
}
