package city.hotline.intake.citizen;

import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.WorkOrder;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * A work order's caller phone and nothing else, by its ticket number: what a progress check compares first. A known
 * ticket reads one tiny document and an unknown one none, so the check takes about as long either way; the whole
 * order is read only after the digits matched.
 */
@Repository
class CallerPhones {
  private final MongoCollection<Document> orders;

  CallerPhones(MongoDatabase database) {
    this.orders = database.getCollection(ComplaintRepository.COLLECTION);
  }

  Optional<String> of(String ticketId) {
    return Optional.ofNullable(orders.find(Filters.eq(WorkOrder.ID, ticketId))
            .projection(Projections.fields(Projections.include(WorkOrder.CALLER_PHONE), Projections.excludeId()))
            .first())
        .map(order -> order.getString(WorkOrder.CALLER_PHONE));
  }
}
