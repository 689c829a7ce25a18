package city.hotline.dispatch.casework;

import java.time.Instant;
import java.util.Date;
import java.util.List;
import org.bson.Document;

/**
 * One line of a queue: enough to pick the next case without opening it. {@code deadline} is the one
 * the unit works against now (claim while dispatched, resolve once claimed) and {@code overdue}
 * is judged against it at the moment of reading. {@code rev} counts the case's changes, so a page can
 * tell which of two pictures of a case is newer.
 */
public record QueueItem(
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
    String description,
    Instant claimDeadline,
    Instant resolveDeadline,
    Instant deadline,
    boolean overdue,
    Instant enteredAt,
    int returnCount,
    CaseView.Return lastReturn,
    CaseView.Extension extension,
    int pressCount,
    CaseView.Press lastPress,
    int reopenCount) {

  private static final int TEXT_LENGTH = 120;

  /** The summary kept in the queue's read model for a case as it is now. */
  static Document entry(Document kase) {
    List<Document> returns = kase.getList("returns", Document.class, List.of());
    Date dispatchedAt = kase.getDate("dispatchedAt");
    // Presses aimed at this unit in this round of work; an earlier unit's or round's are history.
    List<Document> presses = kase.getList("presses", Document.class, List.of()).stream()
        .filter(p -> dispatchedAt == null || !p.getDate("at").before(dispatchedAt)).toList();
    Document extension = kase.get("extension", Document.class);
    return new Document("rev", kase.getInteger("rev", 0))
        .append("ticketId", kase.getString("_id"))
        .append("state", kase.getString("state"))
        .append("unitId", kase.getString("unitId"))
        .append("unitName", kase.getString("unitName"))
        .append("district", kase.getString("district"))
        .append("category", kase.getString("category"))
        .append("urgency", kase.getString("urgency"))
        .append("type", kase.getString("type"))
        .append("address", kase.getString("address"))
        .append("description", shortened(kase.getString("description")))
        .append("claimDeadline", kase.getDate("claimDeadline"))
        .append("resolveDeadline", kase.getDate("resolveDeadline"))
        .append("enteredAt", kase.getDate("enteredAt"))
        .append("returnCount", returns.size())
        .append("lastReturn", returns.isEmpty() ? null : shortened(returns.get(returns.size() - 1), "note"))
        .append("extension", extension != null && ExtensionStatus.PENDING.name().equals(extension.getString("status"))
            ? shortened(extension, "reason") : null)
        .append("pressCount", presses.size())
        .append("lastPress", presses.isEmpty() ? null : shortened(presses.get(presses.size() - 1), "note"))
        .append("reopenCount", kase.getInteger("reopenCount", 0));
  }

  /** Queue lines keep texts short, so a slot of thousands of cases stays a small document. */
  private static String shortened(String text) {
    return text == null || text.length() <= TEXT_LENGTH ? text : text.substring(0, TEXT_LENGTH) + "…";
  }

  private static Document shortened(Document d, String field) {
    return new Document(d).append(field, shortened(d.getString(field)));
  }

  static QueueItem of(Document e, Instant now) {
    CaseState state = CaseState.valueOf(e.getString("state"));
    Instant claimBy = instant(e.getDate("claimDeadline"));
    Instant resolveBy = instant(e.getDate("resolveDeadline"));
    Instant deadline = state.currentDeadline(claimBy, resolveBy);
    return new QueueItem(e.getString("ticketId"), e.getInteger("rev", 0), state, e.getString("unitId"), e.getString("unitName"),
        e.getString("district"), e.getString("category"), e.getString("urgency"), e.getString("type"),
        e.getString("address"), e.getString("description"), claimBy, resolveBy, deadline,
        deadline != null && now.isAfter(deadline), instant(e.getDate("enteredAt")), e.getInteger("returnCount", 0),
        CaseView.Return.of(e.get("lastReturn", Document.class)),
        CaseView.Extension.of(e.get("extension", Document.class)), e.getInteger("pressCount", 0),
        CaseView.Press.of(e.get("lastPress", Document.class)), e.getInteger("reopenCount", 0));
  }

  private static Instant instant(Date date) {
    return date == null ? null : date.toInstant();
  }
}
