package city.hotline.dispatch.casework;

import java.time.Instant;
import java.util.List;

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
    Case.Return lastReturn,
    Case.Extension extension,
    int pressCount,
    Case.Press lastPress,
    int reopenCount) {

  private static final int TEXT_LENGTH = 120;

  static QueueItem of(Case c, Instant now) {
    Instant deadline = c.state().currentDeadline(c.claimDeadline(), c.resolveDeadline());
    // Presses aimed at this unit in this round of work; an earlier unit's or round's are history.
    List<Case.Press> presses = c.presses().stream()
        .filter(p -> c.dispatchedAt() == null || !p.at().isBefore(c.dispatchedAt())).toList();
    Case.Return lastReturn = c.returns().isEmpty() ? null : c.returns().get(c.returns().size() - 1);
    Case.Press lastPress = presses.isEmpty() ? null : presses.get(presses.size() - 1);
    Case.Extension extension = c.extensionStatus() == ExtensionStatus.PENDING ? c.extension() : null;
    return new QueueItem(c.ticketId(), c.rev(), c.state(), c.unitId(), c.unitName(), c.district(), c.category(),
        c.urgency(), c.type(), c.address(), shortened(c.description()), c.claimDeadline(), c.resolveDeadline(),
        deadline, deadline != null && now.isAfter(deadline), c.enteredAt(), c.returns().size(),
        lastReturn == null ? null : new Case.Return(lastReturn.at(), lastReturn.unitId(), lastReturn.unitName(),
            lastReturn.reason(), shortened(lastReturn.note()), lastReturn.actor()),
        extension == null ? null : new Case.Extension(extension.status(), shortened(extension.reason()),
            extension.requestedDeadline(), extension.requestedBy(), extension.requestedAt(), extension.decidedBy(),
            extension.decidedAt(), extension.note()),
        presses.size(),
        lastPress == null ? null : new Case.Press(lastPress.at(), lastPress.actor(), shortened(lastPress.note())),
        c.reopenCount());
  }

  /** Queue lines keep texts short, so a page of them stays small. */
  private static String shortened(String text) {
    return text == null || text.length() <= TEXT_LENGTH ? text : text.substring(0, TEXT_LENGTH) + "…";
  }
}
