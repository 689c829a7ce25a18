package city.hotline.intake.citizen;

import city.hotline.intake.complaint.Channel;
import city.hotline.intake.complaint.ComplaintStatus;
import city.hotline.intake.complaint.ComplaintType;
import city.hotline.intake.complaint.RegistrationRequest;
import city.hotline.intake.complaint.Urgency;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Instant;
import java.util.List;
import java.util.Map;

/**
 * 我要反映: a citizen's report from the page, registered as a complaint of normal urgency through the web channel,
 * under the same rules as an operator's call. The name is optional; the phone is how progress is checked later.
 *
 * @param confidential 保密: the citizen asks that the description and address are never published (Open311 reads)
 */
public record WebReport(String name, String phone, String category, String district, String address,
    String description, Boolean smsOptOut, Boolean confidential, RegistrationRequest.Location location) {

  /** The call's field names that this request spells differently. */
  private static final Map<String, String> OWN_NAMES = Map.of("callerName", "name", "callerPhone", "phone");

  /** Says what the report is about, never who made it. */
  @Override
  public String toString() {
    return "WebReport[" + category + " " + district + "]";
  }

  RegistrationRequest toCall(String anonymousName) {
    String caller = name == null || name.isBlank() ? anonymousName : name.trim();
    return new RegistrationRequest(caller, phone, Boolean.TRUE.equals(confidential), Channel.WEB.name(),
        ComplaintType.COMPLAINT.name(), category, Urgency.NORMAL.name(), district, address, description, null, location,
        List.of(), null, null, null, null, null, smsOptOut);
  }

  /** A refusal of the call as the citizen sent it: each field under the name this request gave it. */
  static ApiException inOwnNames(ApiException refused) {
    if (refused.errors().isEmpty()) {
      return refused;
    }
    return ApiException.invalid(refused.errors().stream()
        .map(e -> new FieldProblem(OWN_NAMES.getOrDefault(e.field(), e.field()), e.message()))
        .toList());
  }

  /** What the citizen is told: the ticket number to check progress with. */
  public record Receipt(String ticketId, ComplaintStatus status, String statusName, Instant registeredAt) {}
}
