package city.hotline.feedback.visit;

import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.util.List;
import java.util.Optional;

/**
 * The return-visit rule (SPEC §2): a reached citizen's rating closes the visit, except that a
 * dissatisfied citizen sends the case back to its unit (重办) while reopenings are left; after the
 * allowed number of failed calls it closes as UNREACHABLE; otherwise it stays open for another try.
 * With no rating by the return-visit deadline (3 working days after 办结) it closes as NO_RESPONSE.
 *
 * @param failedAttempts calls so far that did not reach the citizen
 * @param reopenCount how often the case has been sent back already
 */
public record ReturnVisit(String ticketId, VisitState state, int failedAttempts, int reopenCount) {

  /** What an attempt does: the outcome it closes the visit with, a reopening, or neither to keep it open. */
  public record Decision(Optional<String> closingOutcome, boolean reopen, int failedAttempts) {}

  public static final String UNREACHABLE = "UNREACHABLE";
  public static final String NO_RESPONSE = "NO_RESPONSE";

  public Decision record(Attempt attempt, int maxFailedAttempts, int maxReopenings) {
    if (state != VisitState.OPEN) {
      throw ApiException.conflict(state == VisitState.CLOSED
          ? "Return visit for " + ticketId + " is already closed"
          : "Case " + ticketId + " is not resolved yet; a return visit can be recorded only after 办结");
    }
    if (attempt.reached()) {
      if (attempt.satisfaction() == null) {
        throw ApiException.invalid(List.of(new FieldProblem("satisfaction", "is required when the citizen was reached")));
      }
      if (attempt.satisfaction() == Satisfaction.DISSATISFIED && reopenCount < maxReopenings) {
        return new Decision(Optional.empty(), true, failedAttempts);
      }
      return new Decision(Optional.of(attempt.satisfaction().name()), false, failedAttempts);
    }
    int failed = failedAttempts + 1;
    return new Decision(failed >= maxFailedAttempts ? Optional.of(UNREACHABLE) : Optional.empty(), false, failed);
  }
}
