package city.hotline.support.outbox;

import city.hotline.support.HotlineProperties;
import city.hotline.support.PeriodicTask;
import city.hotline.support.metrics.MetricsProperties;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Projections;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.TimeGauge;
import java.time.Clock;
import java.time.Duration;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * Per outbox collection, how many events Kafka has not acknowledged yet ({@code hotline_outbox_pending_events})
 * and how old the oldest of them is ({@code hotline_outbox_oldest_age_seconds}, 0 when none): a relay that
 * cannot publish shows as a growing age long before anyone misses an event downstream.
 */
@Component
public class OutboxGauges extends PeriodicTask {
  static final String PENDING = "hotline.outbox.pending.events";
  static final String OLDEST_AGE = "hotline.outbox.oldest.age";
  private static final String AT = OutboxRelay.FIELD + ".at";
  /**
   * Every dated entry: a range on the relay's own index of {@code outbox.at}, so only documents holding
   * pending events are read, never the whole collection. Entries from before entries carried a time are
   * not counted (the relay's first sweep after a start publishes them).
   */
  private static final Bson PENDING_ENTRIES = Filters.gte(AT, new Date(0));
  private static final Bson ONLY_TIMES = Projections.fields(Projections.include(AT), Projections.excludeId());

  private final Map<String, MongoCollection<Document>> collections = new LinkedHashMap<>();
  /** Held here: a gauge keeps only a weak reference to what it reads. */
  private final Map<String, Reading> readings = new LinkedHashMap<>();
  private final Clock clock;

  @Autowired
  public OutboxGauges(MongoDatabase database, HotlineProperties properties, MetricsProperties metrics, Clock clock,
      MeterRegistry registry) {
    this(database, properties.outbox().collections(), metrics.outboxInterval(), clock, registry);
  }

  public OutboxGauges(MongoDatabase database, List<String> collectionNames, Duration interval, Clock clock,
      MeterRegistry registry) {
    super("outbox-gauges", interval, "outbox-gauges cannot read the outbox, its gauges keep their last values until it can");
    this.clock = clock;
    for (String name : collectionNames) {
      collections.put(name, database.getCollection(name));
      Reading reading = new Reading();
      readings.put(name, reading);
      Gauge.builder(PENDING, reading, r -> r.pending).tag("collection", name)
          .description("Events in the outbox that Kafka has not acknowledged yet").register(registry);
      TimeGauge.builder(OLDEST_AGE, reading, TimeUnit.SECONDS, this::ageSeconds).tag("collection", name)
          .description("Age of the oldest event Kafka has not acknowledged yet, 0 when there is none").register(registry);
    }
  }

  @Override
  protected void runOnce() {
    collections.forEach((name, collection) -> {
      long pending = 0;
      Date oldest = null;
      for (Document doc : collection.find(PENDING_ENTRIES).projection(ONLY_TIMES)) {
        for (Document entry : doc.getList(OutboxRelay.FIELD, Document.class, List.of())) {
          pending++;
          Date at = entry.getDate("at");
          if (at != null && (oldest == null || at.before(oldest))) {
            oldest = at;
          }
        }
      }
      readings.get(name).set(pending, oldest == null ? 0 : oldest.getTime());
    });
  }

  /** Counted at each scrape from the oldest event's time, so the age keeps growing between samples. */
  private double ageSeconds(Reading reading) {
    long oldest = reading.oldestMillis;
    return oldest == 0 ? 0 : Math.max(0, clock.millis() - oldest) / 1000.0;
  }

  private static final class Reading {
    private volatile long pending;
    private volatile long oldestMillis;

    void set(long pending, long oldestMillis) {
      this.pending = pending;
      this.oldestMillis = oldestMillis;
    }
  }
}
