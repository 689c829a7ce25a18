package city.hotline.intake.books;

import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.support.books.Ledger;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Projections;
import java.util.List;
import java.util.function.Consumer;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Intake's side of the books: each work order's status as the citizen sees it, and how it left intake. Read as
 * plain documents because the shared {@link Ledger} reads the outbox entries from them.
 */
@Component
class IntakeLedger implements Ledger {
  private final MongoCollection<Document> complaints;

  IntakeLedger(MongoDatabase database) {
    this.complaints = database.getCollection(ComplaintRepository.COLLECTION);
  }

  @Override
  public void forEachEntry(Consumer<Document> entry) {
    complaints.find()
        .projection(Projections.include(WorkOrder.STATUS, WorkOrder.MERGED_INTO, WorkOrder.TIMELINE, WorkOrder.OUTBOX))
        .forEach(c -> entry.accept(Ledger.entryOf(c)
            .append("status", c.getString(WorkOrder.STATUS))
            .append("closedDirectly", closedAtCall(c))
            .append("mergedInto", c.getString(WorkOrder.MERGED_INTO))));
  }

  private static boolean closedAtCall(Document complaint) {
    return complaint.getList(WorkOrder.TIMELINE, Document.class, List.of()).stream()
        .anyMatch(step -> String.valueOf(step.getString(WorkOrder.Step.EVENT_ID)).endsWith(WorkOrder.CLOSED_AT_CALL));
  }
}
