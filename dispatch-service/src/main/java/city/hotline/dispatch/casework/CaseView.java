package city.hotline.dispatch.casework;

import city.hotline.support.privacy.PhoneMask;
import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import java.time.Instant;
import java.util.List;

/**
 * A case as its reader may see it (SPEC §2): the citizen's phone masked for everyone but operators,
 * and a confidential (保密) caller's name and phone left out altogether for bureaus.
 */
public record CaseView(
    String ticketId,
    int rev,
    CaseState state,
    String unitId,
    String unitName,
    String district,
    String category,
    String urgency,
    String type,
    String address,
    String street,
    String description,
    String callerName,
    String callerPhone,
    boolean confidential,
    Instant openedAt,
    Instant dispatchedAt,
    Instant claimDeadline,
    Instant resolveDeadline,
    Instant deadline,
    boolean overdue,
    Instant claimedAt,
    String claimedBy,
    Instant resolvedAt,
    String reply,
    List<Case.Attachment> attachments,
    Case.Extension extension,
    List<Case.Return> returns,
    List<Case.Press> presses,
    int reopenCount,
    String ruleKey,
    Integer ruleVersion,
    List<Case.AuditEntry> audit) {

  /** Names the case without the caller's name or phone, as {@link Case#toString} does. */
  @Override
  public String toString() {
    return "CaseView[" + ticketId + " " + state + " rev " + rev + " unit " + unitId + "]";
  }

  static CaseView of(Case c, Caller reader, Instant now) {
    boolean hidden = c.confidential() && reader.has(Role.BUREAU);
    Instant deadline = c.state().currentDeadline(c.claimDeadline(), c.resolveDeadline());
    return new CaseView(c.ticketId(), c.rev(), c.state(), c.unitId(), c.unitName(), c.district(), c.category(),
        c.urgency(), c.type(), c.address(), c.street(), c.description(),
        hidden ? null : c.callerName(),
        hidden ? null : reader.has(Role.OPERATOR) ? c.callerPhone() : PhoneMask.mask(c.callerPhone()),
        c.confidential(), c.openedAt(), c.dispatchedAt(), c.claimDeadline(), c.resolveDeadline(), deadline,
        deadline != null && now.isAfter(deadline), c.claimedAt(), c.claimedBy(), c.resolvedAt(), c.reply(),
        c.attachments(), c.extension(), c.returns(), c.presses(), c.reopenCount(), c.ruleKey(), c.ruleVersion(),
        c.audit());
  }
}
