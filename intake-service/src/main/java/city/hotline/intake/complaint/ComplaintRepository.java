package city.hotline.intake.complaint;

import city.hotline.support.mongo.Inserts;
import city.hotline.support.kafka.EventNotYetApplicableException;
import city.hotline.support.outbox.OutboxRelay;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.Updates;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/** Work orders by ticket number, each with its timeline and its pending events (outbox) in one document. */
@Repository
public class ComplaintRepository {
  public static final String COLLECTION = "complaints";
  /** Which registration wrote a work order: its operator and idempotency key, or a one-off id. */
  private static final String REGISTRATION = "registration";
  private final MongoCollection<Document> complaints;

  ComplaintRepository(MongoDatabase database) {
    this.complaints = database.getCollection(COLLECTION);
  }

  /** @return false when a work order with this ticket number exists already */
  boolean insert(Document complaint) {
    return Inserts.insertIfAbsent(complaints, complaint);
  }

  /**
   * The work order under this number if this very registration wrote it (a retry of it). A work order
   * stored before registrations were named never matches: answering with another caller's ticket would
   * be worse than registering a retry that spans the upgrade a second time.
   */
  Optional<ComplaintView> findRegistration(String ticketId, String registration) {
    return Optional.ofNullable(complaints.find(Filters.and(Filters.eq("_id", ticketId),
            Filters.eq(REGISTRATION, registration))).first())
        .map(ComplaintRepository::toView);
  }

  public Optional<ComplaintView> find(String ticketId) {
    return Optional.ofNullable(complaints.find(Filters.eq("_id", ticketId)).first()).map(ComplaintRepository::toView);
  }

  /**
   * A work order an event of intake's own names. Intake writes the ticket before it publishes the
   * event, so a miss means the store lost it: the exception sends the event to dead letters.
   */
  /** For a listener of intake's own topic: after a restore, {@link RegistrationReplay} may not have rewritten it yet. */
  public ComplaintView require(String ticketId) {
    return find(ticketId).orElseThrow(() -> new EventNotYetApplicableException("intake event for unknown ticket "
        + ticketId + ": waiting for its work order to be restored from the topic"));
  }

  /** Work orders by ticket number in one keyed read; unknown numbers are left out. */
  public List<ComplaintView> findAll(Collection<String> ticketIds) {
    if (ticketIds.isEmpty()) {
      return List.of();
    }
    return complaints.find(Filters.in("_id", ticketIds)).map(ComplaintRepository::toView).into(new ArrayList<>());
  }

  /**
   * 重复件 after registration: marks the work order merged, with its timeline step and its
   * ComplaintMerged event in the same write, only while no unit has taken it on.
   *
   * @return the merged work order, or empty if its status no longer allows the merge
   */
  public Optional<ComplaintView> markMerged(String ticketId, String originalTicketId, TimelineEntry step,
      Document outboxEntry) {
    List<String> mergeable = Arrays.stream(ComplaintStatus.values()).filter(ComplaintStatus::isMergeable)
        .map(Enum::name).toList();
    Date at = Date.from(step.at());
    Document merged = complaints.findOneAndUpdate(
        Filters.and(Filters.eq("_id", ticketId), Filters.in("status", mergeable)),
        Updates.combine(Updates.set("status", ComplaintStatus.MERGED.name()), Updates.set("statusAt", at),
            Updates.set("mergedInto", originalTicketId),
            Updates.push("timeline", timelineEntry(outboxEntry.getString("eventId"), step)),
            Updates.push(OutboxRelay.FIELD, outboxEntry)),
        new FindOneAndUpdateOptions().returnDocument(ReturnDocument.AFTER));
    return Optional.ofNullable(merged).map(ComplaintRepository::toView);
  }

  /** Shows a merged call on the original's timeline, once however often its event is delivered. */
  public void linkDuplicate(String originalTicketId, ComplaintView.DuplicateCall call, TimelineEntry step) {
    Document entry = new Document("ticketId", call.ticketId())
        .append("at", Date.from(call.at()))
        .append("callerName", call.callerName())
        .append("callerPhone", call.callerPhone())
        .append("confidential", call.confidential());
    complaints.updateOne(
        Filters.and(Filters.eq("_id", originalTicketId), Filters.ne("duplicateCalls.ticketId", call.ticketId())),
        Updates.combine(Updates.push("duplicateCalls", entry),
            Updates.push("timeline", timelineEntry("duplicate:" + call.ticketId(), step))));
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
    Bson id = Filters.eq("_id", ticketId);
    Bson unseen = Filters.ne("timeline.eventId", eventId);
    Bson newStep = Filters.and(id, unseen);
    Bson addStep = Updates.push("timeline", timelineEntry(eventId, step));
    if (step.status() == null) { // a note (延期, 超期, 督办) that leaves the status as it is
      return complaints.updateOne(newStep, addStep).getMatchedCount() > 0 || exists(ticketId);
    }
    Date at = Date.from(step.at());
    Bson notOlder = Filters.lte("statusAt", at);
    // A merged work order gets no later events unless a unit claimed its case before the merge
    // reached dispatch; then the case goes on and the timeline shows it.
    Bson move = Updates.combine(Updates.set("status", step.status().name()), Updates.set("statusAt", at),
        unitChange(step, unitId));
    // The usual case, a new event no older than the status, is one write of the work order.
    if (complaints.updateOne(Filters.and(id, unseen, notOlder), Updates.combine(addStep, move)).getMatchedCount() > 0) {
      return true;
    }
    // Redelivered or late: the step once, the status only forward.
    complaints.updateOne(newStep, addStep);
    long moved = complaints.updateOne(Filters.and(id, notOlder), move).getMatchedCount();
    return moved > 0 || exists(ticketId);
  }

  /** The work order's status alone, without reading the rest of it back. */
  public Optional<ComplaintStatus> status(String ticketId) {
    return Optional.ofNullable(complaints.find(Filters.eq("_id", ticketId)).projection(Projections.include("status")).first())
        .map(d -> ComplaintStatus.valueOf(d.getString("status")));
  }

  private boolean exists(String ticketId) {
    return complaints.countDocuments(Filters.eq("_id", ticketId)) > 0;
  }

  /** A returned (退单) work order belongs to no unit until the desk sends it on: the returning unit loses sight of it. */
  private static Bson unitChange(TimelineEntry step, String unitId) {
    if (step.status() == ComplaintStatus.RETURNED) {
      return Updates.unset("unitId");
    }
    return unitId == null ? Updates.combine() : Updates.set("unitId", unitId);
  }

  static Document timelineEntry(String eventId, TimelineEntry step) {
    return new Document("eventId", eventId)
        .append("at", Date.from(step.at()))
        .append("status", step.status() == null ? null : step.status().name())
        .append("actor", step.actor())
        .append("note", step.note());
  }

  static Document newComplaint(String ticketId, RegistrationRequest request, String registration, Instant now, String actor,
      List<String> likelyDuplicates, Document outboxEntry) {
    Date at = Date.from(now);
    String eventId = outboxEntry.getString("eventId");
    List<Document> timeline = new ArrayList<>(List.of(
        timelineEntry(eventId, new TimelineEntry(now, ComplaintStatus.REGISTERED, actor, "受理"))));
    ComplaintStatus status = ComplaintStatus.REGISTERED;
    if (request.closesDirectly()) {
      status = ComplaintStatus.CLOSED;
      timeline.add(timelineEntry(eventId + "#closed",
          new TimelineEntry(now, ComplaintStatus.CLOSED, actor, "直接办结: " + request.answer())));
    } else if (request.duplicateOf() != null) {
      status = ComplaintStatus.MERGED;
      timeline.add(timelineEntry(eventId + "#merged",
          new TimelineEntry(now, ComplaintStatus.MERGED, actor, "重复件, 并入 " + request.duplicateOf())));
    }
    Document location = request.location() == null ? null
        : new Document("longitude", request.location().longitude()).append("latitude", request.location().latitude());
    return new Document("_id", ticketId)
        .append(REGISTRATION, registration)
        .append("callerName", request.callerName())
        .append("callerPhone", request.callerPhone())
        .append("confidential", request.confidential())
        .append("channel", request.channelOrDefault().name())
        .append("type", request.typeOrDefault().name())
        .append("category", request.category())
        .append("urgency", request.urgency())
        .append("district", request.district())
        .append("address", request.address())
        .append("description", request.description())
        .append("street", request.street())
        .append("location", location)
        .append("attachments", request.attachments() == null ? List.of() : request.attachments())
        .append("answer", request.answer())
        .append("mergedInto", request.duplicateOf())
        .append("likelyDuplicates", likelyDuplicates)
        .append("registeredAt", at)
        .append("status", status.name())
        .append("statusAt", at)
        .append("timeline", timeline)
        .append(OutboxRelay.FIELD, List.of(outboxEntry));
  }

  static ComplaintView toView(Document d) {
    Document location = d.get("location", Document.class);
    List<TimelineEntry> timeline = d.getList("timeline", Document.class, List.of()).stream()
        .map(t -> new TimelineEntry(t.getDate("at").toInstant(),
            t.getString("status") == null ? null : ComplaintStatus.valueOf(t.getString("status")),
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
        timeline,
        d.getString("mergedInto"),
        d.getList("likelyDuplicates", String.class, List.of()),
        d.getList("duplicateCalls", Document.class, List.of()).stream()
            .map(c -> new ComplaintView.DuplicateCall(c.getString("ticketId"), c.getDate("at").toInstant(),
                c.getString("callerName"), c.getString("callerPhone"), c.getBoolean("confidential", false)))
            .toList());
  }
}
