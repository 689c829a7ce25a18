package city.hotline.feedback.visit;

import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.EventEnvelope;
import city.hotline.support.HotlineProperties;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.support.web.ApiException;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/**
 * 回访: records return-visit calls and citizens' ratings by link, and closes the case (结案) with the
 * verdict, reopens it (重办), or closes it as NO_RESPONSE when nobody rated it in time. The visit decides
 * each change; this writes it with its event and answers with the visit as it now is.
 */
@Service
class VisitService {
  private static final Logger log = LoggerFactory.getLogger(VisitService.class);

  private final VisitRepository visits;
  private final VisitSettings settings;
  private final OutboxRelay outbox;
  private final ClosedVisits closedVisits;
  private final Clock clock;
  private final String producer;

  VisitService(VisitRepository visits, VisitSettings settings, OutboxRelay outbox, ClosedVisits closedVisits,
      Clock clock, HotlineProperties properties) {
    this.visits = visits;
    this.settings = settings;
    this.outbox = outbox;
    this.closedVisits = closedVisits;
    this.clock = clock;
    this.producer = properties.serviceName();
  }

  /** An operator's return-visit call. */
  VisitView record(String ticketId, Attempt attempt, String actor) {
    VisitChange change = require(ticketId).record(attempt, actor, clock.instant(), settings.maxFailedAttempts(),
        settings.maxReopenings());
    return VisitView.of(write(change).orElseThrow(() -> ApiException.conflict(
        "Another return-visit result for " + ticketId + " was recorded at the same time; reload and retry")));
  }

  /** Issues a fresh one-time link for the citizen (an earlier unused one stops working). */
  IssuedLink issueLink(String ticketId, String actor) {
    String token = RatingLink.newToken();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(settings.linkLifetime());
    VisitChange change = require(ticketId).issueLink(RatingLink.hash(token), actor, now, expiresAt);
    if (write(change).isEmpty()) {
      throw ApiException.conflict("The return visit of " + ticketId + " changed meanwhile; reload and retry");
    }
    log.info("rating link issued ticketId={} expiresAt={}", ticketId, expiresAt);
    return new IssuedLink(ticketId, settings.publicUrl() + "/rate.html#" + token, expiresAt);
  }

  /**
   * A link for the resolution text (短信) of the visit's current answer, in place of {@code replacing}: null when no link
   * was issued for that answer yet (an operator's stays valid), else the hash of the text's own earlier, undelivered
   * link (guarded on it and on its being unused, so a link that was used or replaced meanwhile is never touched).
   * Empty if the visit changed meanwhile.
   */
  Optional<IssuedLink> issueTextLink(Visit visit, String actor, String replacing) {
    String token = RatingLink.newToken();
    Instant now = clock.instant();
    Instant expiresAt = now.plus(settings.linkLifetime());
    VisitChange change = visit.issueLink(RatingLink.hash(token), actor, now, expiresAt);
    change = replacing == null ? change.expecting(Visit.RATING_LINK, null)
        : change.expecting(Visit.RATING_LINK + "." + RatingLink.Issued.HASH, replacing)
            .expecting(Visit.RATING_LINK + "." + RatingLink.Issued.USED_AT, null);
    if (!visits.apply(change, null)) {
      return Optional.empty();
    }
    log.info("rating link issued ticketId={} expiresAt={} by={}{}", visit.ticketId(), expiresAt, actor,
        replacing == null ? "" : " (replacing the text's undelivered one)");
    return Optional.of(new IssuedLink(visit.ticketId(), settings.publicUrl() + "/rate.html#" + token, expiresAt));
  }

  /** What a citizen sees before rating: the ticket and the unit's answer. */
  CitizenView lookUp(String token) {
    Visit visit = visitOfLink(token);
    visit.checkLink(RatingLink.hash(token), clock.instant());
    return CitizenView.of(visit);
  }

  /** A citizen's rating through the link: once, while the link is valid and the visit open. */
  CitizenView rate(String token, CitizenRating rating) {
    VisitChange change = visitOfLink(token).rateThroughLink(RatingLink.hash(token), rating.attempt(),
        clock.instant(), settings.maxFailedAttempts(), settings.maxReopenings());
    return CitizenView.of(write(change)
        .orElseThrow(() -> ApiException.conflict("此工单的评价已提交或已结束 (this case was rated or closed meanwhile)")));
  }

  /**
   * 回访超时: closes the visits still open at their deadline as NO_RESPONSE, at most a batch of them (the rest,
   * after a long stop, in the passes that follow); how many this call closed.
   */
  int closeUnanswered() {
    Instant now = clock.instant();
    int closed = 0;
    for (Visit visit : visits.openAndDue(now, settings.clockBatchSize())) {
      // Another replica's clock may close it first; then the guarded write changes nothing here.
      Optional<VisitChange> change = visit.expire(now);
      if (change.isPresent() && store(change.get())) {
        closed++;
      }
    }
    return closed;
  }

  /** The operators' queue, the longest-waiting first. */
  VisitPage queue(int page, int size) {
    List<VisitView> items = visits.openPage(page, size).stream().map(VisitView::of).toList();
    return new VisitPage(items, page, size, visits.countOpen());
  }

  VisitView find(String ticketId) {
    return VisitView.of(require(ticketId));
  }

  /** Writes the change with its event, if the visit is still as read; the visit as it now is, or empty. */
  /** Writes the change and reads the visit back as it is now; empty if another write got there first. */
  private Optional<Visit> write(VisitChange change) {
    return store(change) ? visits.find(change.ticketId()) : Optional.empty();
  }

  /** Writes the change with its event in the visit's outbox; false if another write got there first. */
  private boolean store(VisitChange change) {
    Document entry = change.event().map(e -> outbox.entry(
        EventEnvelope.of(e.type(), change.ticketId(), producer, e.at(), e.payload()))).orElse(null);
    if (!visits.apply(change, entry)) {
      return false;
    }
    change.event().ifPresent(e -> {
      String outcome = e.payload() instanceof CaseClosed closed ? closed.outcome() : null;
      if (outcome != null) {
        // the one place every close (operator, citizen's link, clock) is known to be written: counted once
        closedVisits.count(outcome);
      }
      outbox.wake(VisitRepository.COLLECTION, change.ticketId());
      log.info("return visit ended ticketId={} outcome={}", change.ticketId(), outcome == null ? "REOPENED" : outcome);
    });
    return true;
  }

  private Visit require(String ticketId) {
    return visits.find(ticketId).orElseThrow(() -> ApiException.notFound("Ticket", ticketId));
  }

  /** The visit a link was issued for; a malformed or unknown token is a 404 that says nothing more. */
  private Visit visitOfLink(String token) {
    ApiException unknown = ApiException.notFound("Rating link", "(as given)");
    if (!RatingLink.wellFormed(token)) {
      throw unknown;
    }
    return visits.findByLink(RatingLink.hash(token)).orElseThrow(() -> unknown);
  }

  /** A link as issued: the URL is shown this once and never stored. */
  record IssuedLink(String ticketId, String url, Instant expiresAt) {}

  record VisitPage(List<VisitView> items, int page, int size, long total) {}
}
