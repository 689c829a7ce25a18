package city.hotline.feedback.alert;

import city.hotline.support.mongo.Inserts;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Sorts;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Repository;

/**
 * The surge alerts ({@link Alert}, {@code _id} the surge id). Every change is one guarded write of the alert as
 * {@link Alert} decided it, made only while the stored {@code rev} is still the one it was decided on, and stamped
 * with the writing machine's time ({@code changedAt}) so every replica's live streams find it.
 */
@Repository
class AlertRepository {
  static final String COLLECTION = "alerts";

  private final MongoCollection<Alert> alerts;
  /** Write time, not the service's clock (which a demonstration may run fast): it orders writes across replicas. */
  private final Clock writeClock = Clock.systemUTC();

  AlertRepository(MongoDatabase database) {
    this.alerts = database.getCollection(COLLECTION, Alert.class);
    // the list: alerts in these states, the newest first
    alerts.createIndex(Indexes.compoundIndex(Indexes.ascending(Alert.STATE), Indexes.descending(Alert.DETECTED_AT)));
    // every replica's live streams: the alerts written since they last looked
    alerts.createIndex(Indexes.ascending(Alert.CHANGED_AT));
  }

  /** @return false when the alert exists already (a redelivered detection) */
  boolean insert(Alert alert) {
    return Inserts.insertIfAbsent(alerts, alert.writtenAt(now()));
  }

  Optional<Alert> find(String id) {
    return Optional.ofNullable(alerts.find(Filters.eq(Alert.ID, id)).first());
  }

  /**
   * Writes the alert's next revision only while the one before it is stored.
   *
   * @return false when another change was written meanwhile
   */
  boolean replace(Alert next) {
    return alerts.replaceOne(Filters.and(Filters.eq(Alert.ID, next.id()), Filters.eq(Alert.REV, next.rev() - 1)),
        next.writtenAt(now())).getMatchedCount() > 0;
  }

  /** The alerts in these states, the most recently detected first, at most {@code limit}. */
  List<Alert> inStates(Collection<AlertState> states, int limit) {
    return alerts.find(Filters.in(Alert.STATE, states)).sort(Sorts.descending(Alert.DETECTED_AT)).limit(limit)
        .into(new ArrayList<>());
  }

  /** The alerts written at or after {@code since}, in the order they were written. */
  List<Alert> writtenSince(Instant since) {
    return alerts.find(Filters.gte(Alert.CHANGED_AT, since)).sort(Sorts.ascending(Alert.CHANGED_AT))
        .into(new ArrayList<>());
  }

  private Instant now() {
    return writeClock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
