package city.hotline.feedback.stats;

import city.hotline.contracts.CaseEvent;
import city.hotline.contracts.EventEnvelope;
import city.hotline.feedback.stats.StatsStore.Generation;
import city.hotline.feedback.stats.StatsStore.Meta;
import city.hotline.support.HotlineProperties;
import city.hotline.support.kafka.EventCodec;
import city.hotline.support.kafka.EventRejectedException;
import city.hotline.support.kafka.TopicReader;
import city.hotline.support.web.ApiException;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Recomputes the read model from the topics from the beginning, into a fresh generation, while the
 * dashboard goes on showing the current one:
 *
 * <ol>
 *   <li>read every record up to the topics' end as they are at the start;
 *   <li>have the live listener write the new generation too, and wait until every replica does;
 *   <li>read on to the topics' end as they are then, so nothing the listener counted only in the old
 *       generation is missing (what both count is counted once: counting is idempotent and order-free);
 *   <li>roll the new generation up, then switch the dashboard to it and drop the old one.
 * </ol>
 * The new figures equal the old ones unless the old ones were wrong — which is what a rebuild is for.
 */
@Component
class StatsRebuild {
  private static final Logger log = LoggerFactory.getLogger(StatsRebuild.class);
  private static final Duration POLL = Duration.ofMillis(500);
  /** A rebuild whose replica stopped beating this long ago is over; another may start. */
  private static final Duration ABANDONED = Duration.ofMinutes(2);

  private final StatsStore store;
  private final StatsProjection projection;
  private final StatsRollup rollup;
  private final EventCodec codec;
  private final StatsSettings settings;
  private final List<String> topics;
  private final String bootstrap;
  private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> new Thread(r, "stats-rebuild"));

  StatsRebuild(StatsStore store, StatsProjection projection, StatsRollup rollup, EventCodec codec,
      StatsSettings settings, HotlineProperties properties,
      @Value("${spring.kafka.bootstrap-servers}") String bootstrap) {
    this.store = store;
    this.projection = projection;
    this.rollup = rollup;
    this.codec = codec;
    this.settings = settings;
    this.topics = properties.kafka().consumes();
    this.bootstrap = bootstrap;
  }

  /** Starts a rebuild on this replica; 409 while one runs anywhere. */
  Document start(String actor) {
    Meta meta = store.meta();
    Document running = meta.rebuild();
    if (running != null && "RUNNING".equals(running.getString("state"))
        && running.getDate("heartbeatAt").toInstant().isAfter(store.now().toInstant().minus(ABANDONED))) {
      throw ApiException.conflict("A rebuild of the statistics is running already (generation "
          + running.getInteger("generation") + ")");
    }
    int next = meta.write().stream().mapToInt(Integer::intValue).max().orElse(meta.read()) + 1;
    Document rebuild = new Document("generation", next).append("state", "RUNNING").append("by", actor)
        .append("startedAt", store.now()).append("heartbeatAt", store.now()).append("records", 0L);
    Bson sameRebuild = running == null ? Filters.exists("rebuild", false)
        : Filters.eq("rebuild.startedAt", running.getDate("startedAt"));
    if (!store.changeMeta(Filters.and(StatsStore.unchanged(meta), sameRebuild),
        Updates.combine(Updates.set("rebuild", rebuild), StatsStore.setWrite(List.of(meta.read()))))) {
      throw ApiException.conflict("The statistics changed generation meanwhile; try again");
    }
    meta.write().stream().filter(gen -> gen != meta.read()).forEach(gen -> store.drop(store.generation(gen)));
    store.drop(store.generation(next));
    worker.submit(() -> run(meta.read(), next));
    log.info("statistics rebuild started generation={} by={}", next, actor);
    return status(false);
  }

  Document status(boolean settled) {
    Meta meta = store.meta();
    Document status = new Document("readGeneration", meta.read()).append("writeGenerations", meta.write())
        .append("settled", settled);
    if (meta.rebuild() != null) {
      status.append("rebuild", meta.rebuild());
    }
    return status;
  }

  private void run(int old, int next) {
    Generation target = store.generation(next);
    try (KafkaConsumer<String, String> consumer = TopicReader.open(bootstrap)) {
      List<TopicPartition> partitions = new ArrayList<>();
      topics.forEach(t -> consumer.partitionsFor(t).forEach(p -> partitions.add(new TopicPartition(t, p.partition()))));
      consumer.assign(partitions);
      consumer.seekToBeginning(partitions);
      long records = readUpTo(consumer, consumer.endOffsets(partitions), target, 0);
      if (!store.changeMeta(mine(next), StatsStore.setWrite(List.of(old, next)))) {
        log.warn("statistics rebuild generation={} was taken over; stopping without changes", next);
        return;
      }
      Thread.sleep(settings.rebuildHandover().toMillis()); // every replica's listener now writes both
      records = readUpTo(consumer, consumer.endOffsets(partitions), target, records);
      while (rollup.rollUp(target) > 0) {
        heartbeat(next, records);
      }
      if (!store.changeMeta(mine(next), Updates.combine(Updates.set("read", next),
          StatsStore.setWrite(List.of(next)), Updates.set("rebuild.state", "DONE"),
          Updates.set("rebuild.records", records), Updates.set("rebuild.finishedAt", store.now())))) {
        log.warn("statistics rebuild generation={} was taken over; the dashboard stays as it is", next);
        return;
      }
      log.info("statistics rebuild done generation={} records={}", next, records);
      Thread.sleep(settings.rebuildHandover().toMillis()); // every replica's dashboard now reads the new one
      store.drop(store.generation(old));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      fail(old, next, e);
    } catch (RuntimeException e) {
      fail(old, next, e);
    }
  }

  private long readUpTo(KafkaConsumer<String, String> consumer, Map<TopicPartition, Long> ends, Generation target,
      long counted) {
    long records = counted;
    while (ends.entrySet().stream().anyMatch(e -> consumer.position(e.getKey()) < e.getValue())) {
      for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
        Long end = ends.get(new TopicPartition(record.topic(), record.partition()));
        if (end != null && record.offset() < end) {
          apply(record, target);
          records++;
        }
      }
      heartbeat(target.number(), records);
    }
    return records;
  }

  private void apply(ConsumerRecord<String, String> record, Generation target) {
    try {
      EventEnvelope<?> event = codec.decode(record.value());
      if (event.payload() instanceof CaseEvent) {
        projection.apply(target, event);
      }
    } catch (EventRejectedException e) {
      // The live listener sent it to the dead-letter topic with the error; it counts nowhere.
      log.warn("rebuild skipped a record it cannot read topic={} partition={} offset={}: {}", record.topic(),
          record.partition(), record.offset(), e.getMessage());
    }
  }

  /** Meta as this replica's running rebuild left it: not taken over by another start. */
  private static Bson mine(int generation) {
    return Filters.and(Filters.eq("rebuild.generation", generation), Filters.eq("rebuild.state", "RUNNING"));
  }

  /** Stops this rebuild (without dropping anything) once another start has taken it over. */
  private void heartbeat(int generation, long records) {
    if (!store.changeMeta(mine(generation),
        Updates.combine(Updates.set("rebuild.heartbeatAt", store.now()), Updates.set("rebuild.records", records)))) {
      throw new IllegalStateException("statistics rebuild generation " + generation + " was taken over");
    }
  }

  private void fail(int old, int next, Exception e) {
    log.error("statistics rebuild failed generation={}", next, e);
    if (store.changeMeta(mine(next), Updates.combine(StatsStore.setWrite(List.of(old)),
        Updates.set("rebuild.state", "FAILED"), Updates.set("rebuild.error", String.valueOf(e.getMessage())),
        Updates.set("rebuild.finishedAt", store.now())))) {
      store.drop(store.generation(next)); // only a generation that is still ours
    }
  }
}
