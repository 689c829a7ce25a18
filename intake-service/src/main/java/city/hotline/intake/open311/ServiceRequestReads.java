package city.hotline.intake.open311;

import city.hotline.intake.complaint.ComplaintRepository;
import city.hotline.intake.complaint.WorkOrder;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * Work orders as Open311 reads them, anyone may ask, so only the fields a service request is made of: never the
 * outbox (its events carry the caller), the phone numbers or the operators' bookkeeping. The callers' names are read
 * only to blot them out of the text. Fields left out read as null (lists as empty). The indexes ComplaintRepository
 * declares for its search ({category,_id}, {status,_id}, _id) serve these queries.
 */
@Repository
class ServiceRequestReads {
  private static final Bson VIEW_FIELDS = Projections.include(WorkOrder.ID, WorkOrder.STATUS, WorkOrder.CATEGORY,
      WorkOrder.DESCRIPTION, "address", "location", "attachments", WorkOrder.CHANNEL, "registeredAt",
      WorkOrder.UNIT_ID, WorkOrder.TIMELINE, WorkOrder.MERGED_INTO, "answer", "confidential", "callerName",
      WorkOrder.DUPLICATE_CALLS + ".callerName", WorkOrder.DUPLICATE_CALLS + ".confidential");

  private final MongoCollection<WorkOrder> complaints;

  ServiceRequestReads(MongoDatabase database) {
    this.complaints = database.getCollection(ComplaintRepository.COLLECTION, WorkOrder.class);
  }

  Optional<WorkOrder> find(String ticketId) {
    return Optional.ofNullable(complaints.find(Filters.eq(WorkOrder.ID, ticketId)).projection(VIEW_FIELDS).first());
  }

  /** The newest matching ones first (ticket numbers sort by day and sequence). */
  List<WorkOrder> newest(Bson filter, int limit) {
    return complaints.find(filter).projection(VIEW_FIELDS).sort(Sorts.descending(WorkOrder.ID)).limit(limit)
        .into(new ArrayList<>());
  }
}
