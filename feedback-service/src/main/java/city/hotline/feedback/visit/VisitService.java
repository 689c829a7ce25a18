package city.hotline.feedback.visit;

import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseReopened;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.HotlineProperties;
import city.hotline.support.outbox.OutboxRelay;
import city.hotline.support.web.ApiException;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** 回访: records return-visit calls and closes the case (结案) with the citizen's verdict, or reopens it (重办). */
@Service
class VisitService {
  private static final Logger log = LoggerFactory.getLogger(VisitService.class);

  private final VisitRepository visits;
  private final VisitSettings settings;
  private final OutboxRelay outbox;
  private final Clock clock;
  private final String producer;

  VisitService(VisitRepository visits, VisitSettings settings, OutboxRelay outbox, Clock clock,
      HotlineProperties properties) {
    this.visits = visits;
    this.settings = settings;
    this.outbox = outbox;
    this.clock = clock;
    this.producer = properties.serviceName();
  }

  VisitView record(String ticketId, Attempt attempt, String actor) {
    Document visit = visits.find(ticketId).orElseThrow(() -> ApiException.notFound("Ticket", ticketId));
    ReturnVisit current = new ReturnVisit(ticketId, VisitState.valueOf(visit.getString("state")),
        visit.getInteger("failedAttempts", 0), visit.getInteger("reopenCount", 0));
    ReturnVisit.Decision decision = current.record(attempt, settings.maxFailedAttempts(), settings.maxReopenings());
    Instant now = clock.instant();
    List<Bson> changes = new ArrayList<>(List.of(Updates.set("failedAttempts", decision.failedAttempts())));
    Document outboxEntry = null;
    if (decision.closingOutcome().isPresent()) {
      String outcome = decision.closingOutcome().get();
      changes.add(Updates.set("state", VisitState.CLOSED.name()));
      changes.add(Updates.set("outcome", outcome));
      changes.add(Updates.set("closedAt", Date.from(now)));
      outboxEntry = outbox.entry(EventEnvelope.of(EventType.CASE_CLOSED, ticketId, producer, now,
          new CaseClosed(VisitRepository.facts(visit), outcome, actor, attempt.comment())));
    }
    if (decision.reopen()) {
      // 重办: back to waiting for the unit's next answer; that CaseResolved opens the visit again.
      int reopenCount = current.reopenCount() + 1;
      changes.add(Updates.set("state", VisitState.AWAITING_RESOLUTION.name()));
      changes.add(Updates.set("reopenCount", reopenCount));
      changes.add(Updates.set("failedAttempts", 0));
      outboxEntry = outbox.entry(EventEnvelope.of(EventType.CASE_REOPENED, ticketId, producer, now,
          new CaseReopened(VisitRepository.facts(visit), actor, attempt.comment(), reopenCount)));
    }
    if (!visits.recordAttempt(ticketId, current.failedAttempts(), changes, attemptDocument(attempt, actor, now),
        outboxEntry)) {
      throw ApiException.conflict("Another return-visit result for " + ticketId + " was recorded at the same time; reload and retry");
    }
    if (outboxEntry != null) {
      outbox.wake(VisitRepository.COLLECTION, ticketId);
      log.info("return visit ended ticketId={} outcome={}", ticketId,
          decision.reopen() ? "REOPENED" : decision.closingOutcome().get());
    }
    return VisitView.of(visits.find(ticketId).orElseThrow());
  }

  List<VisitView> queue(int page, int size) {
    return visits.openVisits(page, size).stream().map(VisitView::of).toList();
  }

  private static Document attemptDocument(Attempt attempt, String actor, Instant at) {
    return new Document("at", Date.from(at))
        .append("actor", actor)
        .append("reached", attempt.reached())
        .append("satisfaction", attempt.satisfaction() == null ? null : attempt.satisfaction().name())
        .append("score", attempt.score())
        .append("solved", attempt.solved())
        .append("comment", attempt.comment());
  }
}
