package city.hotline.dispatch.overdue;

import city.hotline.dispatch.sla.Deadlines;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.springframework.stereotype.Repository;

/**
 * The deadlines to watch, filed by the minute they fall in: one document per minute ({@code _id}
 * {@code yyyyMMddHHmm} UTC) listing {@code ticket|kind|epochMillis}. The overdue clock reads the
 * minutes that have passed by key, so it never scans the cases. A deadline is filed before the case
 * write that sets it, so a crash in between leaves at most a timer that finds nothing to do.
 */
@Repository
public class SlaTimers {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);
  private final MongoCollection<Document> timers;
  private final Clock clock;

  /** One deadline of one case; {@code filedIn} is the minute it was filed in, once read back. */
  public record Timer(String ticketId, DeadlineKind kind, Instant deadline, String filedIn) {
    public Timer(String ticketId, DeadlineKind kind, Instant deadline) {
      this(ticketId, kind, deadline, null);
    }

    String encode() {
      return ticketId + "|" + kind + "|" + deadline.toEpochMilli();
    }

    static Timer decode(String text, String filedIn) {
      String[] parts = text.split("\\|");
      return new Timer(parts[0], DeadlineKind.valueOf(parts[1]), Instant.ofEpochMilli(Long.parseLong(parts[2])),
          filedIn);
    }
  }

  SlaTimers(MongoDatabase database, Clock clock) {
    this.clock = clock;
    this.timers = database.getCollection("sla_timers");
  }

  /** Watches both deadlines of a freshly dispatched case. */
  public void watch(String ticketId, Deadlines deadlines) {
    watch(new Timer(ticketId, DeadlineKind.CLAIM, deadlines.claimBy()));
    watch(new Timer(ticketId, DeadlineKind.RESOLVE, deadlines.resolveBy()));
  }

  /**
   * Files a deadline in its minute; one already past (a reopening applied late) goes in the current
   * minute instead, which the clock has not passed yet.
   */
  public void watch(Timer timer) {
    Instant now = clock.instant();
    Instant filed = timer.deadline().isBefore(now) ? now : timer.deadline();
    timers.updateOne(Filters.eq("_id", minute(filed)), Updates.addToSet("due", timer.encode()),
        new UpdateOptions().upsert(true));
  }

  /** The timers filed in the minutes from {@code from} up to and including {@code to}. */
  List<Timer> filedBetween(Instant from, Instant to) {
    List<String> keys = new ArrayList<>();
    for (Instant m = from.truncatedTo(ChronoUnit.MINUTES); !m.isAfter(to); m = m.plus(1, ChronoUnit.MINUTES)) {
      keys.add(minute(m));
    }
    List<Timer> due = new ArrayList<>();
    timers.find(Filters.in("_id", keys))
        .forEach(d -> d.getList("due", String.class, List.of())
            .forEach(t -> due.add(Timer.decode(t, d.getString("_id")))));
    return due;
  }

  /** Takes a handled timer off its minute, so later passes over that minute do not try it again. */
  void done(Timer timer) {
    timers.updateOne(Filters.eq("_id", timer.filedIn()), Updates.pull("due", timer.encode()));
  }

  /** Drops the minutes from {@code from} up to (not including) {@code to}, once the clock is past them. */
  void forget(Instant from, Instant to) {
    List<String> keys = new ArrayList<>();
    for (Instant m = from.truncatedTo(ChronoUnit.MINUTES); m.isBefore(to); m = m.plus(1, ChronoUnit.MINUTES)) {
      keys.add(minute(m));
    }
    if (!keys.isEmpty()) {
      timers.deleteMany(Filters.in("_id", keys));
    }
  }

  static String minute(Instant at) {
    return MINUTE.format(at);
  }
}
