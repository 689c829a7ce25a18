package city.hotline.dispatch.casework;

import city.hotline.support.privacy.PhoneMask;
import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import java.time.Instant;
import java.util.Date;
import java.util.List;
import java.util.function.Function;
import org.bson.Document;

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
    List<Attachment> attachments,
    Extension extension,
    List<Return> returns,
    List<Press> presses,
    int reopenCount,
    String ruleKey,
    Integer ruleVersion,
    List<AuditEntry> audit) {

  /** Who did what, when and why (the case's audit trail). */
  public record AuditEntry(Instant at, String action, CaseState state, String actor, String note) {}

  /** A file kept elsewhere (document store, photo server), referred to by its address. */
  public record Attachment(String name, String url) {
    Document toDocument() {
      return new Document("name", name).append("url", url);
    }
  }

  /** 延期: the latest request and, once decided, the decision. */
  public record Extension(String status, String reason, Instant requestedDeadline, String requestedBy,
      Instant requestedAt, String decidedBy, Instant decidedAt, String note) {
    static Extension of(Document d) {
      return d == null ? null : new Extension(d.getString("status"), d.getString("reason"),
          instant(d.getDate("requestedDeadline")), d.getString("requestedBy"), instant(d.getDate("requestedAt")),
          d.getString("decidedBy"), instant(d.getDate("decidedAt")), d.getString("note"));
    }
  }

  /** 退单: who sent it back, why. */
  public record Return(Instant at, String unitId, String unitName, String reason, String note, String actor) {
    static Return of(Document d) {
      return d == null ? null : new Return(instant(d.getDate("at")), d.getString("unitId"), d.getString("unitName"),
          d.getString("reason"), d.getString("note"), d.getString("actor"));
    }
  }

  /** 督办: the desk's note to the unit about an overdue case. */
  public record Press(Instant at, String actor, String note) {
    static Press of(Document d) {
      return d == null ? null : new Press(instant(d.getDate("at")), d.getString("actor"), d.getString("note"));
    }
  }

  static CaseView of(Document d, Caller reader, Instant now) {
    boolean confidential = d.getBoolean("confidential", false);
    boolean hidden = confidential && reader.has(Role.BUREAU);
    String phone = d.getString("callerPhone");
    Instant deadline = CaseDocuments.currentDeadline(d);
    return new CaseView(
        d.getString("_id"),
        d.getInteger("rev", 0),
        CaseDocuments.state(d),
        d.getString("unitId"),
        d.getString("unitName"),
        d.getString("district"),
        d.getString("category"),
        d.getString("urgency"),
        d.getString("type"),
        d.getString("address"),
        d.getString("street"),
        d.getString("description"),
        hidden ? null : d.getString("callerName"),
        hidden ? null : reader.has(Role.OPERATOR) ? phone : PhoneMask.mask(phone),
        confidential,
        instant(d.getDate("openedAt")),
        instant(d.getDate("dispatchedAt")),
        instant(d.getDate("claimDeadline")),
        instant(d.getDate("resolveDeadline")),
        deadline,
        deadline != null && now.isAfter(deadline),
        instant(d.getDate("claimedAt")),
        d.getString("claimedBy"),
        instant(d.getDate("resolvedAt")),
        d.getString("reply"),
        list(d, "attachments", a -> new Attachment(a.getString("name"), a.getString("url"))),
        Extension.of(d.get("extension", Document.class)),
        list(d, "returns", Return::of),
        list(d, "presses", Press::of),
        d.getInteger("reopenCount", 0),
        d.getString("ruleKey"),
        d.getInteger("ruleVersion"),
        list(d, "audit", a -> new AuditEntry(a.getDate("at").toInstant(), a.getString("action"),
            CaseState.valueOf(a.getString("state")), a.getString("actor"), a.getString("note"))));
  }

  private static <T> List<T> list(Document d, String field, Function<Document, T> map) {
    return d.getList(field, Document.class, List.of()).stream().map(map).toList();
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
