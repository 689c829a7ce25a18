package city.hotline.intake.open311;

import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.TicketNumber;
import city.hotline.intake.complaint.WorkOrder;
import city.hotline.support.web.ApiException.FieldProblem;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.bson.conversions.Bson;

/**
 * GET requests, checked: the tickets asked for by service_request_id (which overrides every other argument, as the
 * spec says), or those requested between start_date and end_date (at most the settings' span apart; the last span
 * when neither is sent) of the given service_codes and Open311 statuses (any when not sent).
 */
record RequestQuery(List<String> ids, Instant start, Instant end, List<String> categories,
    List<ComplaintStatus> statuses) {
  static final String REGISTERED_AT = "registeredAt";
  private static final int MAX_TICKET_LENGTH = 32;

  /**
   * @param isService whether a code is a service_code
   * @throws Open311Error 400 naming every broken rule
   */
  static RequestQuery of(ServiceRequestForm form, Instant now, Duration maxSpan, int maxIds,
      Predicate<String> isService) {
    List<FieldProblem> problems = new ArrayList<>();
    List<String> ids = list(form.get("service_request_id"));
    if (ids.size() > maxIds || ids.stream().anyMatch(id -> id.length() > MAX_TICKET_LENGTH)) {
      problems.add(new FieldProblem("service_request_id", "must list at most " + maxIds + " ticket numbers"));
    }
    List<String> categories = list(form.get("service_code"));
    if (!categories.stream().allMatch(isService)) {
      problems.add(new FieldProblem("service_code", "must list codes services.json lists, comma delimited"));
    }
    List<String> statuses = list(form.get("status"));
    if (!statuses.stream().allMatch(s -> s.equals(ServiceRequestView.OPEN) || s.equals(ServiceRequestView.CLOSED))) {
      problems.add(new FieldProblem("status", "must be open, closed or both, comma delimited"));
    }
    Instant start = time(form, "start_date", problems);
    Instant end = time(form, "end_date", problems);
    if (start == null && end == null) {
      end = now;
    }
    end = end == null ? start.plus(maxSpan) : end;
    start = start == null ? end.minus(maxSpan) : start;
    if (end.isBefore(start)) {
      problems.add(new FieldProblem("end_date", "must not be before start_date"));
    } else if (Duration.between(start, end).compareTo(maxSpan) > 0) {
      problems.add(new FieldProblem("end_date", "may be at most " + maxSpan.toDays() + " days after start_date"));
    }
    if (!problems.isEmpty()) {
      throw Open311Error.invalid(problems);
    }
    List<ComplaintStatus> ours = statuses.stream().flatMap(s -> ServiceRequestView.ours(s).stream()).toList();
    return new RequestQuery(ids, start, end, categories, ours);
  }

  /**
   * The work orders asked for: by ticket number, or in a range of ticket numbers (they carry the day in the
   * hotline's zone) and of registration times, of the categories and statuses asked for (indexes {category, _id}
   * and {status, _id}).
   */
  Bson filter(String ticketPrefix, ZoneId zone) {
    if (!ids.isEmpty()) {
      return Filters.in(WorkOrder.ID, ids);
    }
    List<Bson> filters = new ArrayList<>(List.of(
        Filters.gte(WorkOrder.ID, TicketNumber.dayKey(ticketPrefix, start.atZone(zone).toLocalDate())),
        Filters.lt(WorkOrder.ID, TicketNumber.dayKey(ticketPrefix, end.atZone(zone).toLocalDate().plusDays(1))),
        Filters.gte(REGISTERED_AT, start),
        Filters.lte(REGISTERED_AT, end)));
    if (!categories.isEmpty()) {
      filters.add(Filters.in(WorkOrder.CATEGORY, categories));
    }
    if (!statuses.isEmpty()) {
      filters.add(Filters.in(WorkOrder.STATUS, statuses.stream().map(Enum::name).toList()));
    }
    return Filters.and(filters);
  }

  /** Comma delimited, blanks and repeats dropped. */
  private static List<String> list(String value) {
    if (value == null) {
      return List.of();
    }
    Set<String> items = new LinkedHashSet<>();
    Arrays.stream(value.split(",")).map(String::strip).filter(s -> !s.isEmpty()).forEach(items::add);
    return List.copyOf(items);
  }

  /** The spec's w3 format with its offset or Z, e.g. 2010-01-01T00:00:00Z. */
  private static Instant time(ServiceRequestForm form, String name, List<FieldProblem> problems) {
    String value = form.get(name);
    if (value == null) {
      return null;
    }
    try {
      return OffsetDateTime.parse(value).toInstant();
    } catch (DateTimeParseException e) {
      problems.add(new FieldProblem(name, "must be a W3C date-time with its offset, e.g. 2026-12-01T00:00:00+08:00"));
      return null;
    }
  }
}
