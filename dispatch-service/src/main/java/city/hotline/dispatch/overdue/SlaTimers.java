package city.hotline.dispatch.overdue;

import city.hotline.dispatch.sla.Deadlines;
import city.hotline.support.timetable.Timetable;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.function.Predicate;
import org.springframework.stereotype.Repository;

/**
 * The deadlines to watch, in a {@link Timetable} ({@code sla_timers}, cursor in {@code sla_clock}) as
 * {@code ticket|kind}: the overdue clock reads the minutes that have passed by key, so it never scans
 * the cases. A deadline is filed before the case write that sets it, so a crash in between leaves at
 * most a timer that finds nothing to do.
 */
@Repository
public class SlaTimers {
  private final Timetable timetable;

  /** One deadline of one case. */
  public record Timer(String ticketId, DeadlineKind kind, Instant deadline) {
    String value() {
      return ticketId + "|" + kind;
    }

    static Timer of(Timetable.Entry entry) {
      String[] parts = entry.value().split("\\|");
      return new Timer(parts[0], DeadlineKind.valueOf(parts[1]), entry.due());
    }
  }

  SlaTimers(MongoDatabase database, Clock clock) {
    this.timetable = new Timetable(database, "sla_timers", "sla_clock", clock);
  }

  /** Watches both deadlines of a freshly dispatched case. */
  public void watch(String ticketId, Deadlines deadlines) {
    watch(new Timer(ticketId, DeadlineKind.CLAIM, deadlines.claimBy()));
    watch(new Timer(ticketId, DeadlineKind.RESOLVE, deadlines.resolveBy()));
  }

  public void watch(Timer timer) {
    timetable.file(timer.value(), timer.deadline());
  }

  /** Hands each passed deadline since the clock's cursor to the handler; returns how many it acted on. */
  int runDue(Duration maxCatchUp, Predicate<Timer> handler) {
    return timetable.runDue(maxCatchUp, entry -> handler.test(Timer.of(entry)));
  }
}
