package city.hotline.feedback.notification;

import java.util.Locale;
import java.util.Set;

/**
 * The three texts a citizen gets about a call (短信), each from one event: 受理 on registration, 办结 on resolution
 * (with the answer and a rating link), 结案 on closing. Each names the placeholders its template may use.
 */
public enum TextKind {
  REGISTERED(Set.of(TextKind.TICKET_ID, TextKind.TRACK_URL)),
  RESOLVED(Set.of(TextKind.TICKET_ID, TextKind.TRACK_URL, TextKind.ANSWER, TextKind.RATING_LINK)),
  CLOSED(Set.of(TextKind.TICKET_ID, TextKind.TRACK_URL)),
  /**
   * Not a text of its own: how a RESOLVED text reads when an operator already gave the citizen a rating link for the
   * answer (the answer, no second link, and a sentence saying so).
   */
  RESOLVED_WITHOUT_LINK(Set.of(TextKind.TICKET_ID, TextKind.TRACK_URL, TextKind.ANSWER));


  static final String TICKET_ID = "ticketId";
  static final String TRACK_URL = "trackUrl";
  static final String ANSWER = "answer";
  static final String RATING_LINK = "ratingLink";

  private final Set<String> placeholders;

  TextKind(Set<String> placeholders) {
    this.placeholders = placeholders;
  }

  Set<String> placeholders() {
    return placeholders;
  }

  /** Its key in the templates file and its name in logs: registered, resolved, resolved_without_link, closed. */
  String template() {
    return name().toLowerCase(Locale.ROOT);
  }
}
