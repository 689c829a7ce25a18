package city.hotline.intake.complaint;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.LocalDate;
import org.bson.Document;
import org.springframework.stereotype.Component;

/**
 * Daily ticket sequence, one counter document per day incremented atomically in the database, so
 * several intake replicas never hand out the same number.
 */
@Component
public class TicketSequence {
  private static final int DUPLICATE_KEY = 11000;
  private final MongoCollection<Document> counters;
  private final TicketSettings settings;
  private final Clock clock;

  TicketSequence(MongoDatabase database, TicketSettings settings, Clock clock) {
    this.counters = database.getCollection("ticket_counters");
    this.settings = settings;
    this.clock = clock;
  }

  /** The day whose numbers are handed out now, in the zone ticket numbers count days in. */
  LocalDate today() {
    return LocalDate.now(clock.withZone(settings.zone()));
  }

  /** Today's sequence key, e.g. {@code WH20261207}. */
  String todayKey() {
    return TicketNumber.dayKey(settings.prefix(), today());
  }

  /**
   * Makes sure a day's sequence goes on above {@code taken}, a number known to be handed out already.
   * A counter never goes back: a lower number changes nothing.
   */
  void lift(String dayKey, long taken) {
    counters.updateOne(Filters.eq("_id", dayKey), Updates.max("seq", taken), new UpdateOptions().upsert(true));
  }

  /**
   * The next number of today's sequence. It is read as the counter stood just before this increment
   * (plus one): the embedded MongoDB-wire server answers "after" with a document a concurrent
   * increment may already have changed, so two calls at once were given the same number; "before"
   * is a copy there and exact on MongoDB too.
   */
  String next() {
    String dayKey = todayKey();
    FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.BEFORE);
    Document before;
    try {
      before = counters.findOneAndUpdate(Filters.eq("_id", dayKey), Updates.inc("seq", 1L), upsert);
    } catch (MongoException e) {
      // Two replicas upserted the day's first counter at once; the loser's retry finds it and increments it.
      if (e.getCode() != DUPLICATE_KEY) {
        throw e;
      }
      before = counters.findOneAndUpdate(Filters.eq("_id", dayKey), Updates.inc("seq", 1L), upsert);
    }
    long previous = before == null ? 0 : ((Number) before.get("seq")).longValue(); // null: this call opened the day
    return TicketNumber.of(dayKey, previous + 1);
  }
}
