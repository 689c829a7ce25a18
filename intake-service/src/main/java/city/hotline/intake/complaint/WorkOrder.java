package city.hotline.intake.complaint;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintMerged;
import city.hotline.support.outbox.OutboxRelay;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import org.bson.Document;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * The work order (工单), intake's aggregate: the call as logged, its citizen-facing timeline and its pending events
 * (outbox), stored as one document through the driver's record codec. It owns its rules: a timeline step is recorded
 * once per event id, the status moves only forward in time, a call merges only while no unit has taken it on, and a
 * return (退单) takes it away from the unit. Each rule returns the change to make; {@link ComplaintRepository} turns
 * that into one guarded single-document update. Field names are the constants below, used by the mapping and by every
 * filter and update alike.
 *
 * @param registration which registration wrote it: its operator and idempotency key, or a one-off id
 * @param addressKey the address with spelling noise gone, so the same place is one value (duplicates, 重复件)
 * @param cell the map cell of {@code location} (duplicates nearby), null without a location
 * @param likelyDuplicates open tickets this call looked like when it was registered
 * @param statusAt when the event that set the status happened: a status never moves back to an older one
 * @param unitId the unit handling the case as of the status, null before routing and after a return
 * @param duplicateCalls later calls merged into this one: the extra callers
 * @param knowledgeArticleId the 知识库 article a consultation closed directly cites, else null
 * @param suggestion what the suggestion panel showed when the call was registered, and whether it was taken
 * @param suggestedAt when a registration with a suggestion was written (indexed: the acceptance rate reads these)
 * @param handledCategory the category of the event that resolved or closed it: what it was finally handled as
 * @param handledUnit the unit of that event
 * @param learnableAt when intake wrote its close after a unit's handling (the real time of the write, not the service
 *     clock, which a seed runs fast; indexed): a watermark from which the suggestion model of every replica polls and
 *     learns it; null for calls closed at the call or merged
 */
public record WorkOrder(
    @BsonId String ticketId,
    @BsonProperty(WorkOrder.REGISTRATION) String registration,
    String callerName,
    @BsonProperty(WorkOrder.CALLER_PHONE) String callerPhone,
    Boolean confidential,
    @BsonProperty(WorkOrder.CHANNEL) Channel channel,
    @BsonProperty(WorkOrder.TYPE) ComplaintType type,
    @BsonProperty(WorkOrder.CATEGORY) String category,
    @BsonProperty(WorkOrder.URGENCY) Urgency urgency,
    @BsonProperty(WorkOrder.DISTRICT) String district,
    String address,
    @BsonProperty(WorkOrder.ADDRESS_KEY) String addressKey,
    @BsonProperty(WorkOrder.DESCRIPTION) String description,
    String street,
    RegistrationRequest.Location location,
    @BsonProperty(WorkOrder.CELL) String cell,
    List<String> attachments,
    String answer,
    @BsonProperty(WorkOrder.MERGED_INTO) String mergedInto,
    List<String> likelyDuplicates,
    Instant registeredAt,
    @BsonProperty(WorkOrder.STATUS) ComplaintStatus status,
    @BsonProperty(WorkOrder.STATUS_AT) Instant statusAt,
    @BsonProperty(WorkOrder.UNIT_ID) String unitId,
    @BsonProperty(WorkOrder.TIMELINE) List<Step> timeline,
    @BsonProperty(WorkOrder.DUPLICATE_CALLS) List<ComplaintView.DuplicateCall> duplicateCalls,
    @BsonProperty(WorkOrder.OUTBOX) List<Document> outbox,
    String knowledgeArticleId,
    Suggestion suggestion,
    @BsonProperty(WorkOrder.SUGGESTED_AT) Instant suggestedAt,
    @BsonProperty(WorkOrder.HANDLED_CATEGORY) String handledCategory,
    @BsonProperty(WorkOrder.HANDLED_UNIT) String handledUnit,
    @BsonProperty(WorkOrder.LEARNABLE_AT) Instant learnableAt) {

  public static final String ID = "_id";
  public static final String REGISTRATION = "registration";
  public static final String CALLER_PHONE = "callerPhone";
  public static final String CHANNEL = "channel";
  public static final String TYPE = "type";
  public static final String CATEGORY = "category";
  public static final String URGENCY = "urgency";
  public static final String DISTRICT = "district";
  public static final String ADDRESS_KEY = "addressKey";
  public static final String DESCRIPTION = "description";
  public static final String CELL = "cell";
  public static final String MERGED_INTO = "mergedInto";
  public static final String STATUS = "status";
  public static final String STATUS_AT = "statusAt";
  public static final String UNIT_ID = "unitId";
  public static final String TIMELINE = "timeline";
  public static final String DUPLICATE_CALLS = "duplicateCalls";
  public static final String OUTBOX = OutboxRelay.FIELD;
  public static final String SUGGESTED_AT = "suggestedAt";
  public static final String HANDLED_CATEGORY = "handledCategory";
  public static final String HANDLED_UNIT = "handledUnit";
  public static final String LEARNABLE_AT = "learnableAt";
  /** The event ids of the timeline's steps: a step is recorded once per event. */
  public static final String TIMELINE_EVENTS = TIMELINE + "." + Step.EVENT_ID;
  /** The ticket numbers of the extra callers: a call is linked once. */
  public static final String DUPLICATE_CALL_TICKETS = DUPLICATE_CALLS + ".ticketId";
  /** The suffix of the step a consultation closed at the call carries (直接办结). */
  public static final String CLOSED_AT_CALL = "#closed";
  private static final String MERGED_AT_CALL = "#merged";

  /** The statuses a later call about the same problem may repeat (重复件 candidates). */
  public static final Set<ComplaintStatus> OPEN = statuses(true);
  private static final Set<ComplaintStatus> MERGEABLE = statuses(false);

  /**
   * Names the work order without the caller's name or phone (nor its outbox, whose ComplaintRegistered carries
   * them), so a work order in a log or a message never carries them.
   */
  @Override
  public String toString() {
    return "WorkOrder[" + ticketId + " " + status + " unit " + unitId + "]";
  }

  /** One step of the timeline, under the id of the event that caused it, so it is recorded once. */
  public record Step(@BsonProperty(Step.EVENT_ID) String eventId, Instant at, ComplaintStatus status, String actor,
      String note) {
    public static final String EVENT_ID = "eventId";

    static Step of(String eventId, TimelineEntry entry) {
      return new Step(eventId, entry.at(), entry.status(), entry.actor(), entry.note());
    }

    TimelineEntry entry() {
      return new TimelineEntry(at, status, actor, note);
    }
  }

  /**
   * What the suggestion panel showed (either may be null) and whether the operator registered it: null when it
   * showed nothing for that part. The operator's choice always wins; this only records it.
   */
  public record Suggestion(String category, String district, Boolean categoryTaken, Boolean districtTaken) {
    static Suggestion of(RegistrationRequest.Shown shown, RegistrationRequest call) {
      return new Suggestion(shown.category(), shown.district(), taken(shown.category(), call.category()),
          taken(shown.district(), call.district()));
    }

    private static Boolean taken(String shown, String registered) {
      return shown == null ? null : shown.equals(registered);
    }
  }

  /** Where a call is, as duplicate detection compares places; both null without an address or a map point. */
  public record PlaceKeys(String addressKey, String cell) {}

  /**
   * 受理: the call as registered, with its ComplaintRegistered outbox entry. A consultation answered on the phone is
   * closed at once (直接办结), a call the operator names a duplicate is merged at once (重复件).
   */
  public static WorkOrder register(String ticketId, RegistrationRequest call, String registration, Instant now,
      String actor, List<String> likelyDuplicates, PlaceKeys place, Document registered) {
    return registered(ticketId, call, registration, now, actor, likelyDuplicates, place,
        registered.getString(Step.EVENT_ID), List.of(registered));
  }

  /** The work order a registration whose event is on the topic already wrote: nothing left to publish. */
  public static WorkOrder replayed(String ticketId, RegistrationRequest call, String registration, Instant now,
      String actor, PlaceKeys place, String eventId) {
    return registered(ticketId, call, registration, now, actor, List.of(), place, eventId, List.of());
  }

  private static WorkOrder registered(String ticketId, RegistrationRequest call, String registration, Instant now,
      String actor, List<String> likelyDuplicates, PlaceKeys place, String eventId, List<Document> outbox) {
    List<Step> timeline = new ArrayList<>(List.of(new Step(eventId, now, ComplaintStatus.REGISTERED, actor, "受理")));
    ComplaintStatus status = ComplaintStatus.REGISTERED;
    if (call.closesDirectly()) {
      status = ComplaintStatus.CLOSED;
      timeline.add(new Step(eventId + CLOSED_AT_CALL, now, status, actor, "直接办结: " + call.answer()));
    } else if (call.duplicateOf() != null) { // never learned from: it was not handled as itself
      status = ComplaintStatus.MERGED;
      timeline.add(new Step(eventId + MERGED_AT_CALL, now, status, actor, "重复件, 并入 " + call.duplicateOf()));
    }
    return new WorkOrder(ticketId, registration, call.callerName(), call.callerPhone(), call.confidential(),
        call.channelOrDefault(), call.typeOrDefault(), call.category(), Urgency.valueOf(call.urgency()), call.district(),
        call.address(), place.addressKey(), call.description(), call.street(), call.location(), place.cell(),
        call.attachments() == null ? List.of() : call.attachments(), call.answer(), call.duplicateOf(),
        likelyDuplicates, now, status, now, null, timeline, List.of(), outbox, call.knowledgeArticleId(),
        call.suggestion() == null ? null : Suggestion.of(call.suggestion(), call),
        call.suggestion() == null ? null : now, null, null, null);
  }

  public boolean isConfidential() {
    return Boolean.TRUE.equals(confidential);
  }

  /** Its timeline as the citizen sees it, oldest first. */
  public List<TimelineEntry> steps() {
    return orEmpty(timeline).stream().map(Step::entry).sorted(Comparator.comparing(TimelineEntry::at)).toList();
  }

  public List<ComplaintView.DuplicateCall> extraCallers() {
    return orEmpty(duplicateCalls);
  }

  /** The work order as the API shows it, before the reader's privacy rules. */
  public ComplaintView view() {
    return new ComplaintView(ticketId, status, callerName, callerPhone, isConfidential(), channel, type, category,
        urgency, district, address, description, unitId, street, location, orEmpty(attachments), registeredAt, steps(),
        mergedInto, orEmpty(likelyDuplicates), extraCallers(), knowledgeArticleId);
  }

  /**
   * What an event of dispatch or feedback does to this work order: its step once per event id; the status (and the
   * handling unit, which decides which bureau may read the work order) only forward in time, so a redelivered or
   * late event neither duplicates a step nor rolls the status back. A note (延期, 超期, 督办: no status) only adds
   * its step.
   *
   * <p>A move to RESOLVED or CLOSED also keeps the event's category and unit as what the work order was finally
   * handled as, and a move to CLOSED marks it learnable at {@code writtenAt} (the real time of the write, not the
   * event's time, so a poll from a watermark misses no late event).
   *
   * @param handling the unit handling the case as of this event (null before routing) and the event's category
   * @return the change to make, or empty when the event has been recorded already
   */
  public Optional<StepChange> record(String eventId, TimelineEntry entry, Handling handling, Instant writtenAt) {
    boolean seen = orEmpty(timeline).stream().anyMatch(step -> eventId.equals(step.eventId()));
    Step step = seen ? null : Step.of(eventId, entry);
    StatusMove move = null;
    boolean notOlder = statusAt == null || !entry.at().isBefore(statusAt);
    if (entry.status() != null && notOlder && !(entry.status() == status && entry.at().equals(statusAt))) {
      // 退单: the returning unit loses sight of it until the desk sends it on
      boolean returned = entry.status() == ComplaintStatus.RETURNED;
      String unit = returned ? null : handling.unitId();
      boolean finished = entry.status() == ComplaintStatus.RESOLVED || entry.status() == ComplaintStatus.CLOSED;
      Handling handled = finished ? new Handling(unit == null ? unitId : unit, handling.category() == null
          ? category : handling.category()) : null;
      Instant learnable = entry.status() == ComplaintStatus.CLOSED ? writtenAt : null;
      move = new StatusMove(entry.status(), entry.at(), unit, returned, statusAt, handled, learnable);
    }
    if (step == null && move == null) {
      return Optional.empty();
    }
    return Optional.of(new StepChange(ticketId, step, move));
  }

  /** The unit and category an event of dispatch or feedback names (its CaseFacts); either may be null. */
  public record Handling(String unitId, String category) {}

  /**
   * 重复件 after registration: why this work order may not be merged into {@code original}, or empty if it may.
   * A call repeats an earlier ticket that is still open, and is merged only while no unit has taken it on, so no
   * one's work is undone; "earlier" (ticket numbers sort by day and sequence) also rules out two tickets merged into
   * each other.
   */
  public Optional<String> mergeRefusal(WorkOrder original) {
    Optional<String> closed = original.refusesCalls();
    if (closed.isPresent()) {
      return closed;
    }
    if (ticketId.compareTo(original.ticketId) <= 0) {
      return Optional.of(ticketId + " is not later than " + original.ticketId
          + "; a call can only be merged into an earlier ticket");
    }
    if (!MERGEABLE.contains(status)) {
      return Optional.of(ticketId + " is " + status + "; only a work order that no unit has claimed yet can be merged");
    }
    if (!extraCallers().isEmpty()) { // its own extra callers would be stranded on it
      return Optional.of(ticketId + " has calls merged into it; merge " + original.ticketId + " into " + ticketId
          + " instead, or leave both open");
    }
    return Optional.empty();
  }

  /** Why no call may be merged into this work order (it is no longer open), or empty if one may. */
  public Optional<String> refusesCalls() {
    if (!OPEN.contains(status)) {
      return Optional.of(ticketId + " is " + status + "; a call can only be merged into an open work order");
    }
    return Optional.empty();
  }

  /**
   * 重复件: merges this work order into {@code original}, with its step and its ComplaintMerged event; the change is
   * made only while the work order is still mergeable when it is written.
   *
   * @throws IllegalStateException if {@link #mergeRefusal} refuses it
   */
  public Merge mergeInto(WorkOrder original, String actor, Instant at) {
    mergeRefusal(original).ifPresent(reason -> {
      throw new IllegalStateException(reason);
    });
    ComplaintMerged event = new ComplaintMerged(new CaseFacts(district, category, urgency.name(), unitId),
        original.ticketId, actor);
    TimelineEntry entry = new TimelineEntry(at, ComplaintStatus.MERGED, actor, "重复件, 并入 " + original.ticketId);
    return new Merge(ticketId, original.ticketId, entry, MERGEABLE, event);
  }

  /**
   * A later call merged into this one shows on it as an extra caller, with a note on the timeline (no status of its
   * own), once however often its event is delivered.
   *
   * @return the change to make, or empty if the call is linked already
   */
  public Optional<Link> link(ComplaintView.DuplicateCall call, Instant at) {
    if (extraCallers().stream().anyMatch(c -> c.ticketId().equals(call.ticketId()))) {
      return Optional.empty();
    }
    Step note = new Step("duplicate:" + call.ticketId(), at, null, "system", "重复来电 " + call.ticketId() + " 并入本工单");
    return Optional.of(new Link(ticketId, call, note));
  }

  /** This work order as a call merged into another one. */
  public ComplaintView.DuplicateCall asExtraCaller() {
    return new ComplaintView.DuplicateCall(ticketId, registeredAt, callerName, callerPhone, isConfidential());
  }

  /**
   * A step to add (null when it is there already) and a status move (null when the event is older than the status).
   */
  public record StepChange(String ticketId, Step step, StatusMove move) {}

  /**
   * @param unitId the new handling unit, or null to leave it as it is
   * @param clearsUnit the work order belongs to no unit from now on (退单)
   * @param expectedStatusAt the status time it was decided on: the move is made only if no other has been meanwhile
   * @param handled what it was finally handled as (RESOLVED, CLOSED), else null
   * @param learnableAt when the close was written (CLOSED), else null
   */
  public record StatusMove(ComplaintStatus status, Instant at, String unitId, boolean clearsUnit,
      Instant expectedStatusAt, Handling handled, Instant learnableAt) {}

  /** 重复件: the merge to write, only from one of {@code from}, and the event it publishes. */
  public record Merge(String ticketId, String originalTicketId, TimelineEntry entry, Set<ComplaintStatus> from,
      ComplaintMerged event) {}

  /** An extra caller to add to an original, with its note. */
  public record Link(String ticketId, ComplaintView.DuplicateCall call, Step note) {
    /** Names the extra call by its ticket, never its caller. */
    @Override
    public String toString() {
      return "Link[" + call.ticketId() + " to " + ticketId + "]";
    }
  }

  private static Set<ComplaintStatus> statuses(boolean open) {
    Set<ComplaintStatus> statuses = EnumSet.noneOf(ComplaintStatus.class);
    for (ComplaintStatus s : ComplaintStatus.values()) {
      if (open ? s.isOpen() : s.isMergeable()) {
        statuses.add(s);
      }
    }
    return Collections.unmodifiableSet(statuses);
  }

  private static <T> List<T> orEmpty(List<T> list) {
    return Objects.requireNonNullElse(list, List.of());
  }
}
