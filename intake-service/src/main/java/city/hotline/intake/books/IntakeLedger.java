package city.hotline.intake.books;

import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.support.books.Ledger;
import city.hotline.support.outbox.OutboxRelay;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.stereotype.Component;

/** Intake's side of the books: each work order's status as the citizen sees it, and how it left intake. */
@Component
class IntakeLedger implements Ledger {
  /** The timeline step a consultation closed at the call carries (直接办结). */
  private static final String CLOSED_AT_CALL = "#closed";

  private final MongoCollection<Document> complaints;

  IntakeLedger(MongoDatabase database) {
    this.complaints = database.getCollection(ComplaintRepository.COLLECTION);
  }

  @Override
  public void forEachEntry(Consumer<Document> entry) {
    complaints.find()
        .projection(Projections.include("status", "mergedInto", "timeline", OutboxRelay.FIELD))
        .forEach(c -> entry.accept(Ledger.entryOf(c)
            .append("status", c.getString("status"))
            .append("closedDirectly", closedAtCall(c))
            .append("mergedInto", c.getString("mergedInto"))));
  }

  private static boolean closedAtCall(Document complaint) {
    return complaint.getList("timeline", Document.class, List.of()).stream()
        .anyMatch(step -> String.valueOf(step.getString("eventId")).endsWith(CLOSED_AT_CALL));
  }
}
