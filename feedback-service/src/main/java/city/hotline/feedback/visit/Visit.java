package city.hotline.feedback.visit;

import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseReopened;
import city.hotline.contracts.EventType;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.codecs.pojo.annotations.BsonId;
import org.bson.codecs.pojo.annotations.BsonProperty;

/**
 * The return visit (回访) of one ticket, one document in {@code visits} read by the driver's record codec.
 * Created at registration with whom to call back, opened when the case is resolved (again after each
 * 重办), closed with the verdict. It owns its rules (SPEC §2): a reached citizen's rating closes it, except
 * that a dissatisfied citizen sends the case back to its unit while reopenings are left; after the allowed
 * number of failed calls it closes as UNREACHABLE; with no rating by its deadline (3 working days after
 * 办结) as NO_RESPONSE. Each change is decided here as a {@link VisitChange}; the repository writes it.
 *
 * @param resolutions the CaseResolved event ids that opened it, so a redelivery opens nothing again
 * @param failedAttempts calls since it opened that did not reach the citizen
 * @param reopenCount how often the case has been sent back already (absent on a visit from before issue 22 that
 *     was never sent back: 0)
 * @param linkHashes every rating link ever issued for it, so a replaced link is told from an unknown one
 */
public record Visit(
    @BsonId String ticketId,
    @BsonProperty(Visit.STATE) VisitState state,
    @BsonProperty(Visit.CALLER) Caller caller,
    @BsonProperty(Visit.ADDRESS) String address,
    @BsonProperty(Visit.DESCRIPTION) String description,
    @BsonProperty(Visit.FACTS) CaseFacts facts,
    @BsonProperty(Visit.RESOLUTIONS) List<String> resolutions,
    @BsonProperty(Visit.RESOLVED_AT) Instant resolvedAt,
    @BsonProperty(Visit.DEADLINE) Instant returnVisitDeadline,
    @BsonProperty(Visit.REPLY) String reply,
    @BsonProperty(Visit.FAILED_ATTEMPTS) int failedAttempts,
    @BsonProperty(Visit.REOPEN_COUNT) Integer reopenCount,
    @BsonProperty(Visit.OUTCOME) String outcome,
    @BsonProperty(Visit.CLOSED_AT) Instant closedAt,
    @BsonProperty(Visit.ATTEMPTS) List<Call> attempts,
    @BsonProperty(Visit.RATING_LINK) RatingLink.Issued ratingLink,
    @BsonProperty(Visit.LINK_HASHES) List<String> linkHashes) {

  static final String STATE = "state";
  static final String CALLER = "caller";
  static final String ADDRESS = "address";
  static final String DESCRIPTION = "description";
  static final String FACTS = "facts";
  static final String RESOLUTIONS = "resolutions";
  static final String RESOLVED_AT = "resolvedAt";
  static final String DEADLINE = "returnVisitDeadline";
  static final String REPLY = "reply";
  static final String FAILED_ATTEMPTS = "failedAttempts";
  static final String REOPEN_COUNT = "reopenCount";
  static final String OUTCOME = "outcome";
  static final String CLOSED_AT = "closedAt";
  static final String ATTEMPTS = "attempts";
  static final String RATING_LINK = "ratingLink";
  static final String LINK_HASHES = "linkHashes";

  public static final String UNREACHABLE = "UNREACHABLE";
  public static final String NO_RESPONSE = "NO_RESPONSE";
  static final String SYSTEM = "system";
  static final String CITIZEN = "市民 (评价链接)";
  static final String PHONE = "PHONE";
  static final String LINK = "LINK";

  public Visit {
    reopenCount = reopenCount == null ? 0 : reopenCount;
    resolutions = resolutions == null ? List.of() : resolutions;
    attempts = attempts == null ? List.of() : attempts;
    linkHashes = linkHashes == null ? List.of() : linkHashes;
  }

  /** Whom to call back; operators see a confidential caller's number too: they make the call. */
  public record Caller(String name, String phone, boolean confidential) {
    /** Says whether there is a caller to call, never who it is, so a log line never carries them. */
    @Override
    public String toString() {
      return "Caller[" + (phone == null ? "no phone" : "phone kept") + (confidential ? ", confidential" : "") + "]";
    }
  }

  /** Names the visit without the caller's name or phone, so a visit in a log or a message never carries them. */
  @Override
  public String toString() {
    return "Visit[" + ticketId + " " + state + " failed " + failedAttempts + " reopened " + reopenCount + "]";
  }

  /** One return-visit call as kept: the operator's by phone or the citizen's own rating by link. */
  public record Call(Instant at, String actor, String channel, boolean reached, Satisfaction satisfaction,
      Integer score, Boolean solved, String comment) {}

  /** The return-visit call of an operator. */
  VisitChange record(Attempt attempt, String actor, Instant at, int maxFailedAttempts, int maxReopenings) {
    return decide(attempt, actor, PHONE, at, maxFailedAttempts, maxReopenings);
  }

  /** A citizen's rating through the link with this hash: once, while it is the visit's current, unexpired link. */
  VisitChange rateThroughLink(String hash, Attempt attempt, Instant at, int maxFailedAttempts, int maxReopenings) {
    checkLink(hash, at);
    return decide(attempt, CITIZEN, LINK, at, maxFailedAttempts, maxReopenings)
        .expecting(RATING_LINK + "." + RatingLink.Issued.HASH, hash)
        .expecting(RATING_LINK + "." + RatingLink.Issued.USED_AT, null)
        .setting(RATING_LINK + "." + RatingLink.Issued.USED_AT, at);
  }

  /** 评价链接: a fresh one-time link replaces any earlier one, only while the visit is open. */
  VisitChange issueLink(String hash, String actor, Instant at, Instant expiresAt) {
    if (state != VisitState.OPEN) {
      throw ApiException.conflict("A rating link can be issued only while the return visit of " + ticketId + " is open");
    }
    return asSeen().setting(RATING_LINK, new RatingLink.Issued(hash, at, actor, expiresAt, null))
        .pushing(LINK_HASHES, hash);
  }

  /** 回访超时: still open at its deadline, it closes as NO_RESPONSE; guarded on that deadline (a reopening sets another). */
  Optional<VisitChange> expire(Instant now) {
    if (state != VisitState.OPEN || returnVisitDeadline == null || returnVisitDeadline.isAfter(now)) {
      return Optional.empty();
    }
    return Optional.of(close(asSeen().expecting(DEADLINE, returnVisitDeadline), NO_RESPONSE, SYSTEM, null, null, now));
  }

  /** Why a link with this hash cannot rate this visit (410 replaced or expired, 409 used or ended), if it cannot. */
  void checkLink(String hash, Instant now) {
    if (ratingLink == null || !ratingLink.hash().equals(hash)) {
      throw ApiException.gone("此评价链接已失效，请以最新短信中的链接为准 (this link was replaced or no longer applies)");
    }
    if (ratingLink.usedAt() != null) {
      throw ApiException.conflict("此评价链接已使用，感谢您的评价 (this link has been used already)");
    }
    if (!ratingLink.usableAt(now)) {
      throw ApiException.gone("此评价链接已过期 (this link has expired)");
    }
    if (state != VisitState.OPEN) {
      throw ApiException.conflict("此工单的回访已结束 (the return visit of this case has ended)");
    }
  }

  private VisitChange decide(Attempt attempt, String actor, String channel, Instant at, int maxFailedAttempts,
      int maxReopenings) {
    if (state != VisitState.OPEN) {
      throw ApiException.conflict(state == VisitState.CLOSED
          ? "Return visit for " + ticketId + " is already closed"
          : "Case " + ticketId + " is not resolved yet; a return visit can be recorded only after 办结");
    }
    Call call = new Call(at, actor, channel, attempt.reached(), attempt.satisfaction(), attempt.score(),
        attempt.solved(), attempt.comment());
    VisitChange change = asSeen().pushing(ATTEMPTS, call);
    if (attempt.reached()) {
      if (attempt.satisfaction() == null) {
        throw ApiException.invalid(List.of(new FieldProblem("satisfaction", "is required when the citizen was reached")));
      }
      if (attempt.satisfaction() == Satisfaction.DISSATISFIED && reopenCount < maxReopenings) {
        return reopen(change, actor, attempt.comment(), at);
      }
      return close(change, attempt.satisfaction().name(), actor, attempt.comment(), attempt.solved(), at);
    }
    int failed = failedAttempts + 1;
    change = change.setting(FAILED_ATTEMPTS, failed);
    return failed >= maxFailedAttempts ? close(change, UNREACHABLE, actor, attempt.comment(), null, at) : change;
  }

  /**
   * 结案 with the verdict and the citizen's answer to "is it solved" (问题是否解决; null when not reached or not
   * answered), which the 三率 scorecard's 解决率 counts.
   */
  private VisitChange close(VisitChange change, String outcome, String actor, String comment, Boolean solved,
      Instant at) {
    return change.setting(STATE, VisitState.CLOSED).setting(OUTCOME, outcome).setting(CLOSED_AT, at)
        .publishing(EventType.CASE_CLOSED, at, new CaseClosed(facts, outcome, actor, comment, solved));
  }

  /** 重办: back to waiting for the unit's next answer; that CaseResolved opens the visit again. */
  private VisitChange reopen(VisitChange change, String actor, String comment, Instant at) {
    int count = reopenCount + 1;
    return change.setting(STATE, VisitState.AWAITING_RESOLUTION).setting(REOPEN_COUNT, count)
        .setting(FAILED_ATTEMPTS, 0)
        .publishing(EventType.CASE_REOPENED, at, new CaseReopened(facts, actor, comment, count));
  }

  /** Every change is to an open visit still as read: no other call recorded in between. */
  private VisitChange asSeen() {
    return VisitChange.of(ticketId).expecting(STATE, VisitState.OPEN).expecting(FAILED_ATTEMPTS, failedAttempts);
  }
}
