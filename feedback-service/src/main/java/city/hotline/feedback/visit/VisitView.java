package city.hotline.feedback.visit;

import city.hotline.contracts.CaseFacts;
import java.time.Instant;
import java.util.List;

/**
 * A return visit as operators see it: whom to call (operators may see a confidential caller's number:
 * they make the call), what was asked and answered, the attempts so far and the link's state.
 */
public record VisitView(String ticketId, VisitState state, String district, String category, String urgency,
    String unitId, Instant resolvedAt, Instant returnVisitDeadline, int failedAttempts, String outcome,
    int reopenCount, String callerName, String callerPhone, boolean confidential, String address,
    String description, String reply, List<AttemptView> attempts, LinkView ratingLink) {

  public record AttemptView(Instant at, String actor, String channel, boolean reached, String satisfaction,
      Integer score, Boolean solved, String comment) {}

  public record LinkView(Instant issuedAt, Instant expiresAt, boolean used) {}

  /** Names the visit without the caller's name or phone, as {@link Visit#toString} does. */
  @Override
  public String toString() {
    return "VisitView[" + ticketId + " " + state + "]";
  }

  private static final CaseFacts NO_FACTS = new CaseFacts(null, null, null, null);
  private static final Visit.Caller NO_CALLER = new Visit.Caller(null, null, false);

  static VisitView of(Visit v) {
    CaseFacts facts = v.facts() == null ? NO_FACTS : v.facts();
    Visit.Caller caller = v.caller() == null ? NO_CALLER : v.caller();
    return new VisitView(v.ticketId(), v.state(), facts.district(), facts.category(), facts.urgency(), facts.unitId(),
        v.resolvedAt(), v.returnVisitDeadline(), v.failedAttempts(), v.outcome(), v.reopenCount(), caller.name(),
        caller.phone(), caller.confidential(), v.address(), v.description(), v.reply(),
        v.attempts().stream().map(VisitView::attempt).toList(), link(v.ratingLink()));
  }

  private static AttemptView attempt(Visit.Call a) {
    return new AttemptView(a.at(), a.actor(), a.channel(), a.reached(),
        a.satisfaction() == null ? null : a.satisfaction().name(), a.score(), a.solved(), a.comment());
  }

  private static LinkView link(RatingLink.Issued link) {
    return link == null ? null : new LinkView(link.issuedAt(), link.expiresAt(), link.usedAt() != null);
  }
}
