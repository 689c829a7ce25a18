package city.hotline.intake.complaint;

import city.hotline.support.privacy.PhoneMask;
import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import java.time.Instant;
import java.util.List;

/** A work order as the API shows it, with its timeline oldest first and the unit handling it (null before routing). */
public record ComplaintView(
    String ticketId,
    ComplaintStatus status,
    String callerName,
    String callerPhone,
    boolean confidential,
    Channel channel,
    ComplaintType type,
    String category,
    Urgency urgency,
    String district,
    String address,
    String description,
    String unitId,
    String street,
    RegistrationRequest.Location location,
    List<String> attachments,
    Instant registeredAt,
    List<TimelineEntry> timeline) {

  /**
   * What this caller may see of the citizen (SPEC §2): operators the full phone, everyone else a
   * masked one; bureaus nothing at all of a confidential (保密) caller.
   */
  public ComplaintView seenBy(Caller caller) {
    if (caller.has(Role.OPERATOR)) {
      return this;
    }
    boolean hidden = confidential && caller.has(Role.BUREAU);
    return new ComplaintView(ticketId, status, hidden ? null : callerName,
        hidden ? null : PhoneMask.mask(callerPhone), confidential, channel, type, category, urgency, district,
        address, description, unitId, street, location, attachments, registeredAt, timeline);
  }
}
