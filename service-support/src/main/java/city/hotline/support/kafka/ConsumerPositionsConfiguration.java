package city.hotline.support.kafka;

import city.hotline.support.HotlineProperties;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Primary;
import org.springframework.kafka.listener.CompositeRecordInterceptor;
import org.springframework.kafka.listener.ConsumerAwareRebalanceListener;
import org.springframework.kafka.listener.RecordInterceptor;

/**
 * Every listener of the service keeps its position in the service's own database ({@link ConsumerPositions})
 * and starts from there when it is given a partition, so a database that comes back older than what it had
 * consumed is brought up to date by the events themselves.
 */
@Configuration(proxyBeanMethods = false)
public class ConsumerPositionsConfiguration {
  private static final Logger log = LoggerFactory.getLogger(ConsumerPositionsConfiguration.class);

  @Bean(destroyMethod = "close")
  PositionKeeper positionKeeper(MongoDatabase database, Clock clock, HotlineProperties properties) {
    return new PositionKeeper(new ConsumerPositions(database, clock), properties.kafka().positionInterval().toMillis());
  }

  /** Spring Kafka takes one interceptor: the log context and the positions together. */
  @Bean
  @Primary
  RecordInterceptor<Object, Object> listenerInterceptor(TicketLogContext logContext, PositionKeeper keeper) {
    return new CompositeRecordInterceptor<>(logContext, keeper);
  }

  /**
   * Written once a second (as Kafka's offsets are), not per record: a position that lags only means
   * replaying a few events the state already has.
   */
  public static final class PositionKeeper
      implements RecordInterceptor<Object, Object>, ConsumerAwareRebalanceListener {
    private final ConsumerPositions positions;
    private final ScheduledExecutorService flusher = Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, "consumer-positions");
      thread.setDaemon(true);
      return thread;
    });

    PositionKeeper(ConsumerPositions positions, long intervalMillis) {
      this.positions = positions;
      flusher.scheduleWithFixedDelay(this::flushQuietly, intervalMillis, intervalMillis, TimeUnit.MILLISECONDS);
    }

    @Override
    public ConsumerRecord<Object, Object> intercept(ConsumerRecord<Object, Object> record,
        Consumer<Object, Object> consumer) {
      return record;
    }

    @Override
    public void success(ConsumerRecord<Object, Object> record, Consumer<Object, Object> consumer) {
      markDone(record, consumer);
    }

    /** Called by the dead-letter recoverer once the record is safely on the dead-letter topic. */
    public void markDone(ConsumerRecord<?, ?> record, Consumer<?, ?> consumer) {
      if (consumer != null) {
        positions.processed(consumer.groupMetadata().groupId(), record.topic(), record.partition(), record.offset());
      }
    }

    /** Starts each new partition where this service's database says it stands, or from the beginning. */
    @Override
    public void onPartitionsAssigned(Consumer<?, ?> consumer, Collection<TopicPartition> partitions) {
      if (partitions.isEmpty()) {
        return;
      }
      String group = consumer.groupMetadata().groupId();
      Map<TopicPartition, Long> stored = storedOrNone(group, partitions);
      List<TopicPartition> unknown = partitions.stream().filter(p -> !stored.containsKey(p)).toList();
      stored.forEach(consumer::seek);
      if (!unknown.isEmpty()) {
        consumer.seekToBeginning(unknown);
      }
      log.info("consumer group {} starts from its own positions {} and from the beginning of {}", group, stored, unknown);
    }

    /**
     * The stored positions; if the database cannot be read (it is starting, or away), none: reading from the
     * beginning is slow but right, while Kafka's committed offset may be ahead of a restored database.
     */
    private Map<TopicPartition, Long> storedOrNone(String group, Collection<TopicPartition> partitions) {
      try {
        return positions.read(group, partitions);
      } catch (RuntimeException e) {
        log.warn("consumer group {} cannot read its positions, so reads {} from the beginning: {}", group, partitions,
            e.toString());
        return Map.of();
      }
    }

    /** Writes what was processed so far now, rather than at the next interval (shutdown, tests). */
    public void flushNow() {
      positions.flush();
    }

    private void flushQuietly() {
      try {
        flushNow();
      } catch (RuntimeException e) {
        log.warn("consumer positions not written yet, kept for the next try: {}", e.toString());
      }
    }

    void close() {
      flusher.shutdown();
      flushQuietly();
    }
  }
}
