package city.hotline.support.kafka;

import city.hotline.support.HotlineProperties;
import com.mongodb.MongoNodeIsRecoveringException;
import com.mongodb.MongoNotPrimaryException;
import com.mongodb.MongoSocketException;
import com.mongodb.MongoTimeoutException;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.TopicPartition;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ConsumerAwareRecordRecoverer;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;
import org.springframework.util.backoff.FixedBackOff;

/**
 * Creates this service's topic, the topics it reads and its dead-letter topic at start-up, and
 * sends a record that keeps failing to the dead-letter topic (with the error and origin in
 * headers) so it never blocks its partition. Each one counts in {@code hotline_dead_letters_total{topic}}, which
 * starts at 0 so the first dead letter is already an increase an alert sees.
 */
@Configuration(proxyBeanMethods = false)
public class KafkaTopicsConfiguration {
  static final String DEAD_LETTERS = "hotline.dead.letters";

  @Bean
  KafkaAdmin.NewTopics hotlineTopics(HotlineProperties properties) {
    HotlineProperties.Kafka kafka = properties.kafka();
    Set<String> names = new LinkedHashSet<>();
    names.add(kafka.topic());
    names.addAll(kafka.consumes());
    names.add(kafka.deadLetterTopic());
    List<NewTopic> topics = new ArrayList<>();
    for (String name : names) {
      topics.add(TopicBuilder.name(name).partitions(kafka.partitions()).replicas(kafka.replicationFactor()).build());
    }
    return new KafkaAdmin.NewTopics(topics.toArray(NewTopic[]::new));
  }

  @Bean
  DefaultErrorHandler deadLetterErrorHandler(KafkaTemplate<String, String> template, HotlineProperties properties,
      ConsumerPositionsConfiguration.PositionKeeper positions, MeterRegistry registry) {
    HotlineProperties.Kafka kafka = properties.kafka();
    Counter deadLettered = Counter.builder(DEAD_LETTERS).tag("topic", kafka.deadLetterTopic())
        .description("Records sent to the dead-letter topic").register(registry);
    // Partition -1: let the producer pick, since the dead-letter topic need not mirror the source's partitions.
    DeadLetterPublishingRecoverer deadLetters = new DeadLetterPublishingRecoverer(
        template, (record, error) -> new TopicPartition(kafka.deadLetterTopic(), -1));
    // A dead-lettered record is done too: the consumer's position moves past it.
    ConsumerAwareRecordRecoverer recoverer = (record, consumer, error) -> {
      deadLetters.accept(record, consumer, error);
      deadLettered.increment();
      positions.markDone(record, consumer);
    };
    DefaultErrorHandler handler = new DefaultErrorHandler(
        recoverer, new FixedBackOff(kafka.retryBackoff().toMillis(), kafka.retryAttempts()));
    ExponentialBackOff untilBack = new ExponentialBackOff(kafka.retryBackoff().toMillis(), 2.0);
    untilBack.setMaxInterval(kafka.outageBackoffMax().toMillis());
    // A database outage is not the record's fault: hold the partition and retry rather than dead-letter good events.
    ExponentialBackOff untilThere = new ExponentialBackOff(kafka.retryBackoff().toMillis(), 2.0);
    untilThere.setMaxInterval(kafka.outageBackoffMax().toMillis());
    untilThere.setMaxElapsedTime(kafka.awaitTicketMax().toMillis());
    handler.setBackOffFunction((record, error) -> isOutage(error) ? untilBack : awaitsTicket(error) ? untilThere : null);
    handler.addNotRetryableExceptions(EventRejectedException.class);
    return handler;
  }

  private static boolean awaitsTicket(Throwable error) {
    return causedBy(error, EventNotYetApplicableException.class);
  }

  static boolean isOutage(Throwable error) {
    return causedBy(error, MongoTimeoutException.class, MongoSocketException.class, MongoNotPrimaryException.class,
        MongoNodeIsRecoveringException.class);
  }

  /** Whether the error or any of its causes is one of the kinds. */
  private static boolean causedBy(Throwable error, Class<?>... kinds) {
    for (Throwable cause = error; cause != null; cause = cause.getCause()) {
      for (Class<?> kind : kinds) {
        if (kind.isInstance(cause)) {
          return true;
        }
      }
    }
    return false;
  }
}
