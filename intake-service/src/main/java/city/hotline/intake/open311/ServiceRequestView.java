package city.hotline.intake.open311;

import city.hotline.intake.complaint.Channel;
import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.TimelineEntry;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.intake.progress.PublicNotes;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A work order as an Open311 service request, fields in the spec's order. Never the caller's name, phone or anything
 * else of theirs; a confidential (保密) caller's report also leaves out its address, description, place and media.
 * {@code media_url} is only ever a partner's own photo, never an attachment of a call taken otherwise.
 * {@code status_notes} says publicly why the status is what it is (the unit's reply once resolved, with the callers'
 * names and phone numbers blotted out); {@code agency_responsible} is the unit handling it, as dispatch named it.
 * Intake keeps no deadline of the unit, so {@code expected_datetime} is null.
 */
final class ServiceRequestView {
  static final String OPEN = "open";
  static final String CLOSED = "closed";
  /** The unit's name in a dispatch step's note: "派单至 X", "人工派单至 X", "重办, 再次交 X 办理". */
  private static final Pattern DISPATCHED_TO = Pattern.compile("(?:派单至 |再次交 )(.+?)(?: 办理)?$");
  private static final DateTimeFormatter W3C = DateTimeFormatter.ISO_OFFSET_DATE_TIME;

  private ServiceRequestView() {}

  /** Open311's two statuses: closed once it is closed (结案) or merged into another ticket (重复件). */
  static String status(ComplaintStatus status) {
    return status == ComplaintStatus.CLOSED || status == ComplaintStatus.MERGED ? CLOSED : OPEN;
  }

  /** The statuses of ours an Open311 status stands for. */
  static List<ComplaintStatus> ours(String open311Status) {
    return Arrays.stream(ComplaintStatus.values()).filter(s -> status(s).equals(open311Status)).toList();
  }

  static Map<String, Object> of(WorkOrder order, String serviceName, ZoneId zone) {
    boolean hidden = order.isConfidential();
    String agency = agency(order).orElse(null);
    Double lat = hidden || order.location() == null ? null : order.location().latitude();
    Double lng = hidden || order.location() == null ? null : order.location().longitude();
    return Open311Body.of(
        "service_request_id", order.ticketId(),
        "status", status(order.status()),
        "status_notes", statusNote(order, agency),
        "service_name", serviceName,
        "service_code", order.category(),
        "description", hidden ? null : PublicNotes.scrub(order.description(), order),
        "agency_responsible", agency,
        "service_notice", null,
        "requested_datetime", w3c(order.registeredAt(), zone),
        "updated_datetime", w3c(updatedAt(order), zone),
        "expected_datetime", null,
        "address", hidden ? null : PublicNotes.scrub(order.address(), order),
        "address_id", null,
        "zipcode", null,
        "lat", lat,
        "long", lng,
        "media_url", hidden ? null : mediaUrl(order));
  }

  /** W3C date-time with the offset of the hotline's zone, to the second. */
  static String w3c(Instant at, ZoneId zone) {
    return at == null ? null : W3C.format(OffsetDateTime.ofInstant(at.truncatedTo(ChronoUnit.SECONDS), zone));
  }

  private static Instant updatedAt(WorkOrder order) {
    return order.steps().stream().map(TimelineEntry::at).max(Comparator.naturalOrder())
        .orElse(order.registeredAt());
  }

  /** The unit handling it as of its status, by the name its latest dispatch gave; none before routing or after 退单. */
  static Optional<String> agency(WorkOrder order) {
    if (order.unitId() == null) {
      return Optional.empty();
    }
    return Optional.of(latest(order, ComplaintStatus.DISPATCHED)
        .map(step -> DISPATCHED_TO.matcher(step.note() == null ? "" : step.note()))
        .filter(Matcher::find).map(m -> m.group(1)).orElse(order.unitId()));
  }

  private static String statusNote(WorkOrder order, String agency) {
    return switch (order.status()) {
      case REGISTERED -> "已受理";
      case DISPATCHED -> agency == null ? "已派单" : "已派单至 " + agency;
      case AWAITING_MANUAL_DISPATCH -> "等待人工派单";
      case RETURNED -> "承办单位退回, 等待重新派单";
      case CLAIMED -> (agency == null ? "承办单位" : agency) + " 已签收, 正在办理";
      case RESOLVED -> withReply("已办结", order);
      case CLOSED -> withReply("已结案", order);
      case MERGED -> "重复件, 已并入 " + order.mergedInto();
    };
  }

  /** The unit's reply (办结), or the answer given on the phone, unless the caller is confidential. */
  private static String withReply(String what, WorkOrder order) {
    if (order.isConfidential()) {
      return what;
    }
    String reply = latest(order, ComplaintStatus.RESOLVED).map(TimelineEntry::note).orElse(order.answer());
    return reply == null || reply.isBlank() ? what : what + ": " + PublicNotes.scrub(reply, order);
  }

  private static Optional<TimelineEntry> latest(WorkOrder order, ComplaintStatus status) {
    List<TimelineEntry> steps = order.steps();
    for (int i = steps.size() - 1; i >= 0; i--) {
      if (steps.get(i).status() == status) {
        return Optional.of(steps.get(i));
      }
    }
    return Optional.empty();
  }

  /**
   * The photo a partner's report came with (http or https), if any. Only an Open311 report's: the attachments of a
   * call taken by phone, WeChat or the web are the operators' references (recordings, scans, an internal file store).
   */
  private static String mediaUrl(WorkOrder order) {
    return order.channel() != Channel.OPEN311 || order.attachments() == null ? null : order.attachments().stream()
        .filter(a -> a.startsWith("https://") || a.startsWith("http://")).findFirst().orElse(null);
  }
}
