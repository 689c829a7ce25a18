package city.hotline.intake.complaint;

import city.hotline.support.mongo.Inserts;
import city.hotline.support.outbox.OutboxRelay;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/** Work orders by ticket number, each with its timeline and its pending events (outbox) in one document. */
@Repository
public class ComplaintRepository {
  static final String COLLECTION = "complaints";
  private final MongoCollection<Document> complaints;

  ComplaintRepository(MongoDatabase database) {
    this.complaints = database.getCollection(COLLECTION);
  }

  /** @return false when a work order with this ticket number exists already */
  boolean insert(Document complaint) {
    return Inserts.insertIfAbsent(complaints, complaint);
  }

  Optional<ComplaintView> find(String ticketId) {
    return Optional.ofNullable(complaints.find(Filters.eq("_id", ticketId)).first()).map(ComplaintRepository::toView);
  }

  /**
   * Adds a step to the timeline once per event id, then moves the status (and the handling unit,
   * which decides which bureau may read the work order) only forward in time, so a redelivered or
   * late event neither duplicates a step nor rolls the status back.
   *
   * @param unitId the unit handling the case as of this event, or null before routing
   * @return false when the ticket is unknown here
   */
  public boolean recordStep(String ticketId, String eventId, TimelineEntry step, String unitId) {
    Document entry = timelineEntry(eventId, step);
    complaints.updateOne(
        Filters.and(Filters.eq("_id", ticketId), Filters.ne("timeline.eventId", eventId)),
        Updates.push("timeline", entry));
    Date at = Date.from(step.at());
    long moved = complaints.updateOne(
        Filters.and(Filters.eq("_id", ticketId), Filters.lte("statusAt", at)),
        Updates.combine(Updates.set("status", step.status().name()), Updates.set("statusAt", at),
            unitId == null ? Updates.combine() : Updates.set("unitId", unitId)))
        .getMatchedCount();
    return moved > 0 || complaints.countDocuments(Filters.eq("_id", ticketId)) > 0;
  }

  static Document timelineEntry(String eventId, TimelineEntry step) {
    return new Document("eventId", eventId)
        .append("at", Date.from(step.at()))
        .append("status", step.status().name())
        .append("actor", step.actor())
        .append("note", step.note());
  }

  static Document newComplaint(String ticketId, RegistrationRequest request, Instant now, String actor,
      Document outboxEntry) {
    Date at = Date.from(now);
    String eventId = outboxEntry.getString("eventId");
    List<Document> timeline = new ArrayList<>(List.of(
        timelineEntry(eventId, new TimelineEntry(now, ComplaintStatus.REGISTERED, actor, "受理"))));
    ComplaintStatus status = ComplaintStatus.REGISTERED;
    if (request.closesDirectly()) {
      status = ComplaintStatus.CLOSED;
      timeline.add(timelineEntry(eventId + "#closed",
          new TimelineEntry(now, ComplaintStatus.CLOSED, actor, "直接办结: " + request.answer())));
    }
    Document location = request.location() == null ? null
        : new Document("longitude", request.location().longitude()).append("latitude", request.location().latitude());
    return new Document("_id", ticketId)
        .append("callerName", request.callerName())
        .append("callerPhone", request.callerPhone())
        .append("confidential", request.confidential())
        .append("channel", request.channelOrDefault().name())
        .append("type", request.typeOrDefault().name())
        .append("category", request.category())
        .append("urgency", request.urgency().name())
        .append("district", request.district())
        .append("address", request.address())
        .append("description", request.description())
        .append("street", request.street())
        .append("location", location)
        .append("attachments", request.attachments() == null ? List.of() : request.attachments())
        .append("answer", request.answer())
        .append("registeredAt", at)
        .append("status", status.name())
        .append("statusAt", at)
        .append("timeline", timeline)
        .append(OutboxRelay.FIELD, List.of(outboxEntry));
  }

  private static ComplaintView toView(Document d) {
    Document location = d.get("location", Document.class);
    List<TimelineEntry> timeline = d.getList("timeline", Document.class, List.of()).stream()
        .map(t -> new TimelineEntry(t.getDate("at").toInstant(), ComplaintStatus.valueOf(t.getString("status")),
            t.getString("actor"), t.getString("note")))
        .sorted(Comparator.comparing(TimelineEntry::at))
        .toList();
    return new ComplaintView(
        d.getString("_id"),
        ComplaintStatus.valueOf(d.getString("status")),
        d.getString("callerName"),
        d.getString("callerPhone"),
        d.getBoolean("confidential", false),
        Channel.valueOf(d.getString("channel")),
        ComplaintType.valueOf(d.getString("type")),
        d.getString("category"),
        Urgency.valueOf(d.getString("urgency")),
        d.getString("district"),
        d.getString("address"),
        d.getString("description"),
        d.getString("unitId"),
        d.getString("street"),
        location == null ? null : new RegistrationRequest.Location(location.getDouble("longitude"), location.getDouble("latitude")),
        d.getList("attachments", String.class, List.of()),
        d.getDate("registeredAt").toInstant(),
        timeline);
  }
}
