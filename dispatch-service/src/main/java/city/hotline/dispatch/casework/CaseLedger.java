package city.hotline.dispatch.casework;

import city.hotline.support.books.Ledger;
import city.hotline.support.outbox.OutboxRelay;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Dispatch's side of the books (对账): each case's state, whether a unit was ever sent it, whether it was
 * answered. A walk over every case by design, read as plain documents because the books' entry format
 * (with the outbox) is shared by all services.
 */
@Component
class CaseLedger implements Ledger {
  private final MongoCollection<Document> cases;

  CaseLedger(MongoDatabase database) {
    this.cases = database.getCollection(CaseRepository.COLLECTION);
  }

  @Override
  public void forEachEntry(Consumer<Document> entry) {
    cases.find()
        .projection(Projections.include(Case.STATE, Case.DISPATCHED_AT, Case.RESOLVED_AT, OutboxRelay.FIELD))
        .forEach(c -> entry.accept(Ledger.entryOf(c)
            .append("state", c.getString(Case.STATE))
            .append("dispatched", c.get(Case.DISPATCHED_AT) != null)
            .append("resolved", c.get(Case.RESOLVED_AT) != null)));
  }
}
