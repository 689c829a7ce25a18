package city.hotline.feedback.visit;

import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseReopened;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.HotlineProperties;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.support.web.ApiException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 回访: records return-visit calls and citizens' ratings by link, and closes the case (结案) with the
 * verdict, reopens it (重办), or closes it as NO_RESPONSE when nobody rated it in time.
 */
@Service
class VisitService {
  private static final Logger log = LoggerFactory.getLogger(VisitService.class);
  static final String SYSTEM = "system";
  static final String CITIZEN = "市民 (评价链接)";

  private final VisitRepository visits;
  private final VisitQueue queue;
  private final VisitSettings settings;
  private final OutboxRelay outbox;
  private final Clock clock;
  private final String producer;

  VisitService(VisitRepository visits, VisitQueue queue, VisitSettings settings, OutboxRelay outbox, Clock clock,
      HotlineProperties properties) {
    this.visits = visits;
    this.queue = queue;
    this.settings = settings;
    this.outbox = outbox;
    this.clock = clock;
    this.producer = properties.serviceName();
  }

  /** An operator's return-visit call. */
  VisitView record(String ticketId, Attempt attempt, String actor) {
    Document visit = require(ticketId);
    ReturnVisit current = returnVisit(visit);
    ReturnVisit.Decision decision = current.record(attempt, settings.maxFailedAttempts(), settings.maxReopenings());
    Instant now = clock.instant();
    return VisitView.of(conclude(visit, current, decision, attemptDocument(attempt, actor, "PHONE", now), actor,
        attempt.comment(), Filters.empty(), List.of(), now)
        .orElseThrow(() -> ApiException.conflict(
            "Another return-visit result for " + ticketId + " was recorded at the same time; reload and retry")));
  }

  /** Issues a fresh one-time link for the citizen (an earlier unused one stops working). */
  IssuedLink issueLink(String ticketId, String actor) {
    Document visit = require(ticketId);
    if (!VisitState.OPEN.name().equals(visit.getString("state"))) {
      throw ApiException.conflict("A rating link can be issued only while the return visit of " + ticketId + " is open");
    }
    String token = RatingLink.newToken();
    String hash = RatingLink.hash(token);
    Instant now = clock.instant();
    Instant expiresAt = now.plus(settings.linkLifetime());
    visits.rememberLink(hash, ticketId, now); // before the visit points at it: a crash leaves an unusable mapping only
    Document link = new Document("hash", hash).append("expiresAt", Date.from(expiresAt))
        .append("issuedAt", Date.from(now)).append("issuedBy", actor);
    if (!visits.change(ticketId, visit.getInteger("failedAttempts", 0), Filters.empty(),
        List.of(Updates.set("ratingLink", link)), null)) {
      throw ApiException.conflict("The return visit of " + ticketId + " changed meanwhile; reload and retry");
    }
    log.info("rating link issued ticketId={} expiresAt={}", ticketId, expiresAt);
    return new IssuedLink(ticketId, settings.publicUrl() + "/rate.html#" + token, expiresAt);
  }

  /** What a citizen sees before rating: the ticket and the unit's answer. */
  CitizenView lookUp(String token) {
    Document visit = usableVisit(token, clock.instant());
    return CitizenView.of(visit);
  }

  /** A citizen's rating through the link: once, while the link is valid and the visit open. */
  CitizenView rate(String token, CitizenRating rating) {
    Instant now = clock.instant();
    Document visit = usableVisit(token, now);
    ReturnVisit current = returnVisit(visit);
    Attempt attempt = rating.attempt();
    ReturnVisit.Decision decision = current.record(attempt, settings.maxFailedAttempts(), settings.maxReopenings());
    Bson sameLink = Filters.and(Filters.eq("ratingLink.hash", RatingLink.hash(token)),
        Filters.exists("ratingLink.usedAt", false), Filters.gt("ratingLink.expiresAt", Date.from(now)));
    Document after = conclude(visit, current, decision, attemptDocument(attempt, CITIZEN, "LINK", now), CITIZEN,
        rating.comment(), sameLink, List.of(Updates.set("ratingLink.usedAt", Date.from(now))), now)
        .orElseThrow(() -> ApiException.conflict("此工单的评价已提交或已结束 (this case was rated or closed meanwhile)"));
    return CitizenView.of(after);
  }

  /** 回访超时: closes a visit still open at this deadline as NO_RESPONSE; false if it moved on. */
  boolean closeUnanswered(String ticketId, Instant deadline) {
    Optional<Document> found = visits.find(ticketId);
    if (found.isEmpty() || !VisitState.OPEN.name().equals(found.get().getString("state"))
        || !deadline.equals(found.get().getDate("returnVisitDeadline").toInstant())) {
      return false;
    }
    Document visit = found.get();
    ReturnVisit current = returnVisit(visit);
    ReturnVisit.Decision decision = new ReturnVisit.Decision(Optional.of(ReturnVisit.NO_RESPONSE), false,
        current.failedAttempts());
    return conclude(visit, current, decision, null, SYSTEM, null,
        Filters.eq("returnVisitDeadline", Date.from(deadline)), List.of(), clock.instant()).isPresent();
  }

  /** The operators' queue, the longest-waiting first. */
  VisitPage queue(int page, int size) {
    List<String> ids = queue.page(page, size);
    List<Document> found = visits.findAll(ids);
    List<VisitView> items = new ArrayList<>();
    for (String id : ids) {
      found.stream().filter(v -> id.equals(v.getString("_id"))).findFirst().ifPresent(v -> {
        if (VisitState.OPEN.name().equals(v.getString("state"))) {
          items.add(VisitView.of(v));
        } else {
          queue.remove(id); // left behind by a crash between closing the visit and leaving the queue
        }
      });
    }
    return new VisitPage(items, page, size, queue.total());
  }

  VisitView find(String ticketId) {
    return VisitView.of(require(ticketId));
  }

  /**
   * Writes the attempt's outcome in one guarded update with its event, if the visit is still as read:
   * closed with the verdict (CaseClosed), back to waiting for the unit (CaseReopened), or still open.
   */
  private Optional<Document> conclude(Document visit, ReturnVisit current, ReturnVisit.Decision decision,
      Document attempt, String actor, String comment, Bson guard, List<Bson> extraChanges, Instant now) {
    String ticketId = current.ticketId();
    List<Bson> changes = new ArrayList<>(extraChanges);
    changes.add(Updates.set("failedAttempts", decision.failedAttempts()));
    if (attempt != null) {
      changes.add(Updates.push("attempts", attempt));
    }
    Document outboxEntry = null;
    if (decision.closingOutcome().isPresent()) {
      String outcome = decision.closingOutcome().get();
      changes.add(Updates.set("state", VisitState.CLOSED.name()));
      changes.add(Updates.set("outcome", outcome));
      changes.add(Updates.set("closedAt", Date.from(now)));
      outboxEntry = outbox.entry(EventEnvelope.of(EventType.CASE_CLOSED, ticketId, producer, now,
          new CaseClosed(VisitRepository.facts(visit), outcome, actor, comment)));
    }
    if (decision.reopen()) {
      // 重办: back to waiting for the unit's next answer; that CaseResolved opens the visit again.
      int reopenCount = current.reopenCount() + 1;
      changes.add(Updates.set("state", VisitState.AWAITING_RESOLUTION.name()));
      changes.add(Updates.set("reopenCount", reopenCount));
      changes.add(Updates.set("failedAttempts", 0));
      outboxEntry = outbox.entry(EventEnvelope.of(EventType.CASE_REOPENED, ticketId, producer, now,
          new CaseReopened(VisitRepository.facts(visit), actor, comment, reopenCount)));
    }
    if (!visits.change(ticketId, current.failedAttempts(), guard, changes, outboxEntry)) {
      return Optional.empty();
    }
    if (outboxEntry != null) {
      outbox.wake(VisitRepository.COLLECTION, ticketId);
      queue.remove(ticketId);
      log.info("return visit ended ticketId={} outcome={}", ticketId,
          decision.reopen() ? "REOPENED" : decision.closingOutcome().get());
    }
    return visits.find(ticketId);
  }

  private Document require(String ticketId) {
    return visits.find(ticketId).orElseThrow(() -> ApiException.notFound("Ticket", ticketId));
  }

  /** The visit a link is for, if the link is the visit's current one, unused and unexpired, and the visit open. */
  private Document usableVisit(String token, Instant now) {
    ApiException unknown = ApiException.notFound("Rating link", "(as given)");
    if (!RatingLink.wellFormed(token)) {
      throw unknown;
    }
    String hash = RatingLink.hash(token);
    Document visit = visits.ticketOfLink(hash).flatMap(visits::find).orElseThrow(() -> unknown);
    RatingLink.Issued link = VisitRepository.link(visit);
    if (link == null || !link.hash().equals(hash)) {
      throw ApiException.gone("此评价链接已失效，请以最新短信中的链接为准 (this link was replaced or no longer applies)");
    }
    if (link.usedAt() != null) {
      throw ApiException.conflict("此评价链接已使用，感谢您的评价 (this link has been used already)");
    }
    if (!link.usableAt(now)) {
      throw ApiException.gone("此评价链接已过期 (this link has expired)");
    }
    if (!VisitState.OPEN.name().equals(visit.getString("state"))) {
      throw ApiException.conflict("此工单的回访已结束 (the return visit of this case has ended)");
    }
    return visit;
  }

  private static ReturnVisit returnVisit(Document visit) {
    return new ReturnVisit(visit.getString("_id"), VisitState.valueOf(visit.getString("state")),
        visit.getInteger("failedAttempts", 0), visit.getInteger("reopenCount", 0));
  }

  private static Document attemptDocument(Attempt attempt, String actor, String channel, Instant at) {
    return new Document("at", Date.from(at))
        .append("actor", actor)
        .append("channel", channel)
        .append("reached", attempt.reached())
        .append("satisfaction", attempt.satisfaction() == null ? null : attempt.satisfaction().name())
        .append("score", attempt.score())
        .append("solved", attempt.solved())
        .append("comment", attempt.comment());
  }

  /** A link as issued: the URL is shown this once and never stored. */
  record IssuedLink(String ticketId, String url, Instant expiresAt) {}

  record VisitPage(List<VisitView> items, int page, int size, long total) {}
}
