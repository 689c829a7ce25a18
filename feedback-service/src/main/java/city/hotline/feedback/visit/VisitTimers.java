package city.hotline.feedback.visit;

import city.hotline.support.timetable.Timetable;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.BiPredicate;
import org.springframework.stereotype.Repository;

/** The return-visit deadlines (回访时限) to watch, by ticket, in a {@link Timetable} read by the minute. */
@Repository
class VisitTimers {
  private final Timetable timetable;

  VisitTimers(MongoDatabase database, Clock clock) {
    this.timetable = new Timetable(database, "visit_timers", "visit_clock", clock);
  }

  /** Filed before the write that opens the visit, so no deadline goes unwatched. */
  void watch(String ticketId, Instant deadline) {
    timetable.file(ticketId, deadline);
  }

  int runDue(Duration maxCatchUp, BiPredicate<String, Instant> handler) {
    return timetable.runDue(maxCatchUp, entry -> handler.test(entry.value(), entry.due()));
  }
}
