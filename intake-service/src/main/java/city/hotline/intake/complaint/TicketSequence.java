package city.hotline.intake.complaint;

import com.mongodb.MongoException;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.FindOneAndUpdateOptions;
import com.mongodb.client.model.ReturnDocument;
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
class TicketSequence {
  private static final int DUPLICATE_KEY = 11000;
  private final MongoCollection<Document> counters;
  private final TicketSettings settings;
  private final Clock clock;

  TicketSequence(MongoDatabase database, TicketSettings settings, Clock clock) {
    this.counters = database.getCollection("ticket_counters");
    this.settings = settings;
    this.clock = clock;
  }

  String next() {
    String dayKey = TicketNumber.dayKey(settings.prefix(), LocalDate.now(clock.withZone(settings.zone())));
    FindOneAndUpdateOptions upsert = new FindOneAndUpdateOptions().upsert(true).returnDocument(ReturnDocument.AFTER);
    Document counter;
    try {
      counter = counters.findOneAndUpdate(Filters.eq("_id", dayKey), Updates.inc("seq", 1L), upsert);
    } catch (MongoException e) {
      // Two replicas upserted the day's first counter at once; the loser's retry finds it and increments it.
      if (e.getCode() != DUPLICATE_KEY) {
        throw e;
      }
      counter = counters.findOneAndUpdate(Filters.eq("_id", dayKey), Updates.inc("seq", 1L), upsert);
    }
    return TicketNumber.of(dayKey, ((Number) counter.get("seq")).longValue());
  }
}
