package city.hotline.feedback.visit;

import city.hotline.support.web.ApiException;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * 评价链接 for the resolution text (短信): a fresh one-time link for the answer a CaseResolved carried, issued only
 * when the text is sent (so no usable link is stored anywhere) and only while that answer's return visit is open.
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

  /** Whether a link was issued for the text, is not yet possible, or no longer applies. */
  public enum Status { ISSUED, NOT_YET, NO_LONGER }

  /** @param url the link, only when ISSUED */
  public record LinkForText(Status status, String url) {}

  /**
   * @param resolutionEventId the CaseResolved the text is about: NOT_YET until the visit has read it, NO_LONGER once
   *     the visit closed, went back to the unit (重办) or opened for a later answer
   */
  public LinkForText issue(String ticketId, String resolutionEventId) {
    Optional<Visit> visit = visits.find(ticketId);
    if (visit.isEmpty() || !visit.get().resolutions().contains(resolutionEventId)) {
      boolean closed = visit.isPresent() && visit.get().state() == VisitState.CLOSED;
      return new LinkForText(closed ? Status.NO_LONGER : Status.NOT_YET, null);
    }
    List<String> resolutions = visit.get().resolutions();
    if (visit.get().state() != VisitState.OPEN || !resolutions.get(resolutions.size() - 1).equals(resolutionEventId)) {
      return new LinkForText(Status.NO_LONGER, null);
    }
    try {
      return new LinkForText(Status.ISSUED, service.issueLink(ticketId, ISSUED_BY).url());
    } catch (ApiException e) { // an operator's call or another link was written at the same moment: try again later
      return new LinkForText(Status.NOT_YET, null);
    }
  }
}
