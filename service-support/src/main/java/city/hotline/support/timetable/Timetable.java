package city.hotline.support.timetable;

import city.hotline.support.mongo.Buckets;
import city.hotline.support.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Date;
import java.util.List;
import java.util.function.Predicate;
import org.bson.Document;

/**
 * Things due at a time, filed by the minute they fall in: each minute is {@value #BUCKETS} bucket
 * documents ({@code _id} {@code yyyyMMddHHmm|b}, UTC) listing {@code value|epochMillis}, the bucket
 * chosen by the value. A clock reads the minutes that have passed by key, so nothing ever scans the
 * documents the entries stand for. Buckets, because deadlines bunch: every call taken overnight falls
 * due at the same minute of the next working morning, and one document per minute grew with the
 * night's calls on every filing. Several replicas may run the clock: each entry's handler must be
 * idempotent (a guarded write), and a shared cursor moves only forward, over minutes that are over
 * and fully handled.
 */
public class Timetable {
  private static final DateTimeFormatter MINUTE = DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);
  private static final String CURSOR = "cursor";
  /** Handled minutes are kept a day, for whoever wants to see what the clock did. */
  private static final Duration KEPT = Duration.ofDays(1);
  /** Storage layout, not a tuning knob: a different number files values in other buckets. */
  static final int BUCKETS = 32;
  /** Keys per read or delete, so a day's catch-up is not one query of 47,000 keys. */
  private static final int KEYS_PER_QUERY = 1000;

  /** One thing due; {@code filedIn} is the document (minute and bucket) it was read from, once read back. */
  public record Entry(String value, Instant due, String filedIn) {
    String encode() {
      return value + "|" + due.toEpochMilli();
    }

    static Entry decode(String text, String filedIn) {
      int bar = text.lastIndexOf('|');
      return new Entry(text.substring(0, bar), Instant.ofEpochMilli(Long.parseLong(text.substring(bar + 1))), filedIn);
    }
  }

  private final MongoCollection<Document> minutes;
  private final MongoCollection<Document> cursors;
  private final Clock clock;

  /**
   * @param collection where the minutes are kept
   * @param cursorCollection where the clock's cursor is kept (document {@code cursor})
   */
  public Timetable(MongoDatabase database, String collection, String cursorCollection, Clock clock) {
    this.minutes = database.getCollection(collection);
    this.cursors = database.getCollection(cursorCollection);
    this.clock = clock;
  }

  /**
   * Files a value due at a time; one already past (an event applied late) goes in the current minute
   * instead, which the clock has not passed yet.
   */
  public void file(String value, Instant due) {
    Instant now = clock.instant();
    Instant filed = due.isBefore(now) ? now : due;
    minutes.updateOne(Filters.eq("_id", bucket(minute(filed), value)), Updates.addToSet("due", new Entry(value, due, null).encode()),
        new UpdateOptions().upsert(true));
  }

  /**
   * One pass of the clock: hands each entry that is due, filed since the cursor and at most
   * {@code maxCatchUp} after it, to the handler, then takes it off its minute. The handler answers
   * whether it acted, for the count returned.
   */
  public int runDue(Duration maxCatchUp, Predicate<Entry> handler) {
    Instant now = clock.instant();
    Instant from = cursor(now);
    Instant to = from.plus(maxCatchUp).isBefore(now) ? from.plus(maxCatchUp) : now;
    int acted = 0;
    for (Entry entry : filedBetween(from, to)) {
      if (!entry.due().isAfter(now)) {
        acted += handler.test(entry) ? 1 : 0;
        done(entry); // acted, or nothing left to do: either way the entry is handled
      }
    }
    // The minute holding `to` may still get entries due later in it, and an entry filed in the minute
    // before it may have been written just as this pass read it: both are read again next time.
    Instant next = to.truncatedTo(ChronoUnit.MINUTES).minus(1, ChronoUnit.MINUTES);
    if (next.isAfter(from)) {
      advance(next);
      forget(from.minus(KEPT), next.minus(KEPT));
    }
    return acted;
  }

  /** The entries filed in the minutes from {@code from} up to and including {@code to}. */
  public List<Entry> filedBetween(Instant from, Instant to) {
    List<Entry> due = new ArrayList<>();
    for (List<String> keys : keysOfMinutes(from, to.truncatedTo(ChronoUnit.MINUTES).plus(1, ChronoUnit.MINUTES))) {
      minutes.find(Filters.in("_id", keys))
          .forEach(d -> d.getList("due", String.class, List.of())
              .forEach(t -> due.add(Entry.decode(t, d.getString("_id")))));
    }
    return due;
  }

  /** Takes a handled entry off its minute, so later passes over that minute do not try it again. */
  void done(Entry entry) {
    minutes.updateOne(Filters.eq("_id", entry.filedIn()), Updates.pull("due", entry.encode()));
  }

  /** Drops the minutes from {@code from} up to (not including) {@code to}, once the clock is past them. */
  void forget(Instant from, Instant to) {
    keysOfMinutes(from, to).forEach(keys -> minutes.deleteMany(Filters.in("_id", keys)));
  }

  /**
   * The keys of the minutes from {@code from} up to (not including) {@code to}, in batches: every
   * bucket, and the whole-minute document a store from before the buckets may still hold.
   */
  private static List<List<String>> keysOfMinutes(Instant from, Instant to) {
    List<List<String>> batches = new ArrayList<>();
    List<String> keys = new ArrayList<>();
    for (Instant m = from.truncatedTo(ChronoUnit.MINUTES); m.isBefore(to); m = m.plus(1, ChronoUnit.MINUTES)) {
      if (keys.size() + BUCKETS + 1 > KEYS_PER_QUERY) {
        batches.add(keys);
        keys = new ArrayList<>();
      }
      String minute = minute(m);
      keys.add(minute);
      keys.addAll(Buckets.ids(minute, BUCKETS));
    }
    if (!keys.isEmpty()) {
      batches.add(keys);
    }
    return batches;
  }

  static String bucket(String minute, String value) {
    return Buckets.id(minute, value, BUCKETS);
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

  public static String minute(Instant at) {
    return MINUTE.format(at);
  }
}
