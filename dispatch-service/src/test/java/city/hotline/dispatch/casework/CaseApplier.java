package city.hotline.dispatch.casework;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.ReplaceOptions;

/**
 * Plays a change on a picture of a case the way the store does: the picture is stored as it is, the change
 * applied through {@link CaseRepository}, and the case read back. Lets the state machine's tests follow a
 * case through several steps without Spring; the store is the embedded one, in memory, shared by the tests.
 */
final class CaseApplier {
  private static final MongoWireTestServer SERVER = new MongoWireTestServer();
  private static final MongoClient CLIENT = MongoClients.create(SERVER.uri());
  private static final CaseRepository REPOSITORY = new CaseRepository(CLIENT.getDatabase("dispatch-cases"));
  private static final MongoCollection<Case> CASES = CLIENT.getDatabase("dispatch-cases")
      .getCollection(CaseRepository.COLLECTION, Case.class);

  private CaseApplier() {}

  /** @throws IllegalStateException if the change's guards refuse the picture */
  static Case apply(Case picture, CaseChange change) {
    CASES.replaceOne(Filters.eq(Case.ID, picture.ticketId()), picture, new ReplaceOptions().upsert(true));
    return REPOSITORY.apply(change, null).orElseThrow(() -> new IllegalStateException("guards refused " + change));
  }
}
