package city.hotline.feedback.visit;

import city.hotline.support.books.Ledger;
import city.hotline.support.outbox.OutboxRelay;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Feedback's return visits in the books (对账): whether each waits, is open or closed, and how it ended.
 * Read as documents, as the books take them, with the outbox the typed {@link Visit} leaves out.
 */
@Component
class VisitLedger implements Ledger {
  private final MongoCollection<Document> visits;

  VisitLedger(MongoDatabase database) {
    this.visits = database.getCollection(VisitRepository.COLLECTION);
  }

  @Override
  public void forEachEntry(Consumer<Document> entry) {
    visits.find()
        .projection(Projections.include(Visit.STATE, Visit.OUTCOME, OutboxRelay.FIELD))
        .forEach(v -> entry.accept(Ledger.entryOf(v)
            .append("visit", v.getString(Visit.STATE))
            .append("outcome", v.getString(Visit.OUTCOME))));
  }
}
