package city.hotline.intake.complaint;

import city.hotline.support.security.Caller;
import java.time.Instant;
import java.util.List;

/**
 * A work order as the API shows it, with its timeline oldest first and the unit handling it (null before routing).
 *
 * @param mergedInto the earlier ticket this one was merged into (重复件), or null
 * @param likelyDuplicates open tickets this call looked like when it was registered
 * @param duplicateCalls later calls merged into this ticket: the extra callers
 * @param knowledgeArticleId the 知识库 article a consultation closed directly was answered from, else null
 */
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
    List<TimelineEntry> timeline,
    String mergedInto,
    List<String> likelyDuplicates,
    List<DuplicateCall> duplicateCalls,
    String knowledgeArticleId) {

  /** A later call about the same problem, merged into this ticket. */
  public record DuplicateCall(String ticketId, Instant at, String callerName, String callerPhone, boolean confidential) {
    /** Names the call by its ticket, never its caller, so it never carries their name or phone into a log. */
    @Override
    public String toString() {
      return "DuplicateCall[" + ticketId + " at " + at + "]";
    }

    DuplicateCall seenBy(Caller caller) {
      return new DuplicateCall(ticketId, at, CallerPrivacy.name(callerName, confidential, caller),
          CallerPrivacy.phone(callerPhone, confidential, caller), confidential);
    }
  }

  /** Names the work order without the caller's name or phone, as {@link WorkOrder#toString} does. */
  @Override
  public String toString() {
    return "ComplaintView[" + ticketId + " " + status + " unit " + unitId + "]";
  }

  /**
   * What this caller may see of the citizen (SPEC §2): operators the full phone, everyone else a
   * masked one; bureaus nothing at all of a confidential (保密) caller.
   */
  public ComplaintView seenBy(Caller caller) {
    return new ComplaintView(ticketId, status, CallerPrivacy.name(callerName, confidential, caller),
        CallerPrivacy.phone(callerPhone, confidential, caller), confidential, channel, type, category, urgency,
        district, address, description, unitId, street, location, attachments, registeredAt, timeline, mergedInto,
        likelyDuplicates, duplicateCalls.stream().map(call -> call.seenBy(caller)).toList(), knowledgeArticleId);
  }
}
