package city.hotline.dispatch.casework;

import city.hotline.support.privacy.PhoneMask;
import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * A case as its reader may see it (SPEC §2): the citizen's phone masked for everyone but operators,
 * and a confidential (保密) caller's name and phone left out altogether for bureaus.
 */
public record CaseView(
    String ticketId,
    CaseState state,
    String unitId,
    String unitName,
    String district,
    String category,
    String urgency,
    String address,
    String description,
    String callerName,
    String callerPhone,
    boolean confidential,
    Instant claimDeadline,
    Instant resolveDeadline,
    String reply,
    List<AuditEntry> audit) {

  /** Who did what, when and why (the case's audit trail). */
  public record AuditEntry(Instant at, String action, CaseState state, String actor, String note) {}

  static CaseView of(Document d, Caller reader) {
    boolean confidential = d.getBoolean("confidential", false);
    boolean hidden = confidential && reader.has(Role.BUREAU);
    String phone = d.getString("callerPhone");
    return new CaseView(
        d.getString("_id"),
        CaseState.valueOf(d.getString("state")),
        d.getString("unitId"),
        d.getString("unitName"),
        d.getString("district"),
        d.getString("category"),
        d.getString("urgency"),
        d.getString("address"),
        d.getString("description"),
        hidden ? null : d.getString("callerName"),
        hidden ? null : reader.has(Role.OPERATOR) ? phone : PhoneMask.mask(phone),
        confidential,
        instant(d.getDate("claimDeadline")),
        instant(d.getDate("resolveDeadline")),
        d.getString("reply"),
        d.getList("audit", Document.class, List.of()).stream()
            .map(a -> new AuditEntry(a.getDate("at").toInstant(), a.getString("action"),
                CaseState.valueOf(a.getString("state")), a.getString("actor"), a.getString("note")))
            .toList());
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
