package city.hotline.dispatch.surge;

import city.hotline.contracts.SurgeDetected;
import city.hotline.contracts.SurgeEnded;
import city.hotline.contracts.SurgeGrew;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.UpdateOptions;
import com.mongodb.client.model.Updates;
import java.util.List;
import java.util.Optional;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Repository;

/**
 * The surge alerts the desk's presses may answer ({@link SurgeAlert}, {@code _id} the surge id), one document each
 * in {@code surge_alerts}. Each event is one update of its alert, which a redelivery repeats without change: calls
 * are added to a set, and an alert once ended is never opened again. Two replicas inserting the same new alert at
 * once fail one record, whose retry finds the alert there.
 */
@Repository
public class SurgeAlerts {
  static final String COLLECTION = "surge_alerts";
  private static final String ID = "_id";

  private final MongoCollection<SurgeAlert> alerts;

  SurgeAlerts(MongoDatabase database) {
    this.alerts = database.getCollection(COLLECTION, SurgeAlert.class);
  }

  /** The surge crossed its line: its alert opens with the calls reported. */
  void detected(SurgeDetected surge) {
    alerts.updateOne(Filters.eq(ID, surge.surgeId()),
        Updates.combine(Updates.setOnInsert(SurgeAlert.OPEN, true), calls(surge.tickets())),
        new UpdateOptions().upsert(true));
  }

  /**
   * More calls joined the surge.
   *
   * @return false when no such alert was opened (its detection was never read): nothing is written
   */
  boolean grew(SurgeGrew surge) {
    return alerts.updateOne(Filters.eq(ID, surge.surgeId()), calls(surge.tickets())).getMatchedCount() > 0;
  }

  /**
   * The surge fell back below its line: its alert ends.
   *
   * @return false when no such alert was opened: nothing is written
   */
  boolean ended(SurgeEnded surge) {
    return alerts.updateOne(Filters.eq(ID, surge.surgeId()),
        Updates.combine(Updates.set(SurgeAlert.OPEN, false), calls(surge.tickets()))).getMatchedCount() > 0;
  }

  public Optional<SurgeAlert> find(String id) {
    return Optional.ofNullable(alerts.find(Filters.eq(ID, id)).first());
  }

  private static Bson calls(List<String> tickets) {
    return Updates.addEachToSet(SurgeAlert.TICKETS, tickets == null ? List.of() : tickets);
  }
}
