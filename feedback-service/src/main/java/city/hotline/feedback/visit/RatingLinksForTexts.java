package city.hotline.feedback.visit;

import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 评价链接 for the resolution text (短信): a fresh one-time link for the answer a CaseResolved carried, issued only
 * when the text is sent (so no usable link is stored anywhere), only while that answer's return visit is open, and
 * only if no operator issued a link for that answer: an operator's link, given to the citizen already, stays valid.
 * A link an earlier try of the same text issued (the centre was down, the sender died before the outcome was written)
 * is replaced: one answer is one text (the text is keyed by the CaseResolved), and each new answer clears the link,
 * so a text's link on the visit is this text's, never delivered or delivered in a text that is sent again now.
 */
@Component
public class RatingLinksForTexts {
  static final String ISSUED_BY = "短信 (sms)";

  private final VisitRepository visits;
  private final VisitService service;

  RatingLinksForTexts(VisitRepository visits, VisitService service) {
    this.visits = visits;
    this.service = service;
  }

  /**
   * ISSUED; NOT_YET (the visit has not read the answer, or changed while the link was written); NO_LONGER (the visit
   * closed, went back to the unit or opened for a later answer); GIVEN (an operator issued a link for this answer).
   */
  public enum Status { ISSUED, NOT_YET, NO_LONGER, GIVEN }

  /** @param url the link, only when ISSUED */
  public record LinkForText(Status status, String url) {}

  /** @param resolutionEventId the CaseResolved the text is about */
  public LinkForText issue(String ticketId, String resolutionEventId) {
    Optional<Visit> found = visits.find(ticketId);
    if (found.isEmpty() || !found.get().resolutions().contains(resolutionEventId)) {
      boolean closed = found.isPresent() && found.get().state() == VisitState.CLOSED;
      return new LinkForText(closed ? Status.NO_LONGER : Status.NOT_YET, null);
    }
    Visit visit = found.get();
    List<String> resolutions = visit.resolutions();
    if (visit.state() != VisitState.OPEN || !resolutions.get(resolutions.size() - 1).equals(resolutionEventId)) {
      return new LinkForText(Status.NO_LONGER, null);
    }
    RatingLink.Issued current = visit.ratingLink();
    if (current != null && !(ISSUED_BY.equals(current.issuedBy()) && current.usedAt() == null)) {
      return new LinkForText(Status.GIVEN, null); // an operator's, or used (the visit then is no longer open anyway)
    }
    return service.issueTextLink(visit, ISSUED_BY, current == null ? null : current.hash()).map(link -> new LinkForText(Status.ISSUED, link.url()))
        .orElse(new LinkForText(Status.NOT_YET, null));
  }
}
