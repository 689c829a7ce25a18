package city.hotline.dispatch.overdue;

import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import city.hotline.support.mongo.Inserts;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Date;
import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * 超期 detection: every few seconds each replica reads the timer minutes since the shared cursor and
 * marks the cases whose deadline has passed. Replicas may read the same minutes; the marking itself is
 * a guarded write that succeeds once per deadline, so each deadline yields exactly one CaseOverdue.
 * The cursor only moves forward, and only over minutes that are over and fully handled.
 */
@Component
class OverdueClock {
  private static final Logger log = LoggerFactory.getLogger(OverdueClock.class);
  private static final String CURSOR = "cursor";
  /** Handled minutes are kept a day, for whoever wants to see what the clock did. */
  private static final Duration KEPT = Duration.ofDays(1);

  private final SlaTimers timers;
  private final OverdueMarking marker;
  private final Clock clock;
  private final Duration maxCatchUp;
  private final MongoCollection<Document> cursors;

  OverdueClock(SlaTimers timers, OverdueMarking marker, Clock clock, MongoDatabase database,
      @Value("${hotline.overdue.max-catch-up}") Duration maxCatchUp) {
    this.timers = timers;
    this.marker = marker;
    this.clock = clock;
    this.maxCatchUp = maxCatchUp;
    this.cursors = database.getCollection("sla_clock");
  }

  @Scheduled(fixedDelayString = "${hotline.overdue.scan-interval}")
  void tick() {
    Instant now = clock.instant();
    Instant from = cursor(now);
    Instant to = from.plus(maxCatchUp).isBefore(now) ? from.plus(maxCatchUp) : now;
    int marked = 0;
    for (SlaTimers.Timer timer : timers.filedBetween(from, to)) {
      if (!timer.deadline().isAfter(now)) {
        marked += marker.mark(timer.ticketId(), timer.kind(), timer.deadline()) ? 1 : 0;
        timers.done(timer); // marked, or no longer the case's deadline: either way nothing is left to do
      }
    }
    // The minute holding `to` may still get timers due later in it, and a timer filed in the minute
    // before it may have been written just as this pass read it: both are read again next time.
    Instant next = to.truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES);
    if (next.isAfter(from)) {
      advance(next);
      timers.forget(from.minus(KEPT), next.minus(KEPT));
    }
    if (marked > 0) {
      log.info("overdue marked={} upTo={}", marked, to);
    }
  }

  /** The first minute not yet fully handled; a fresh database starts at the current minute. */
  private Instant cursor(Instant now) {
    Document cursor = cursors.find(Filters.eq("_id", CURSOR)).first();
    if (cursor == null) {
      Inserts.insertIfAbsent(cursors,
          new Document("_id", CURSOR).append("next", Date.from(now.truncatedTo(ChronoUnit.MINUTES))));
      cursor = cursors.find(Filters.eq("_id", CURSOR)).first();
    }
    return cursor.getDate("next").toInstant();
  }

  private void advance(Instant next) {
    cursors.updateOne(Filters.and(Filters.eq("_id", CURSOR), Filters.lt("next", Date.from(next))),
        Updates.set("next", Date.from(next)));
  }
}
