package city.hotline.support;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The settings every service reads under {@code hotline.*}; each service's application.yml sets
 * them, with environment-variable overrides.
 */
@ConfigurationProperties("hotline")
public record HotlineProperties(String serviceName, Mongo mongo, Kafka kafka, Outbox outbox) {

  /** @param timeout how long a request waits for the database before it answers 503 */
  public record Mongo(String uri, String database, Duration timeout) {}

  /**
   * @param topic the topic this service publishes its events to
   * @param deadLetterTopic where records this service cannot process go, with the error in headers
   * @param consumes the other services' topics this service reads (created if missing, so start order does not matter)
   * @param retryBackoff pause between retries of a record that fails for a reason of its own, retryAttempts times
   * @param outageBackoffMax longest pause between retries of a record that fails because the database is away;
   *     such a record is retried until the database is back, never dead-lettered
   * @param positionInterval how often each consumer's position is written to the service's own database
   * @param awaitTicketMax how long an event about a ticket the database does not hold yet is retried (after a
   *     restore, another consumer is rebuilding it) before it is dead-lettered
   */
  public record Kafka(
      String topic,
      String deadLetterTopic,
      List<String> consumes,
      int partitions,
      short replicationFactor,
      Duration retryBackoff,
      int retryAttempts,
      Duration outageBackoffMax,
      Duration positionInterval,
      Duration awaitTicketMax) {}

  /**
   * @param collections the collections whose documents carry pending events in an {@code outbox} array
   * @param sweepInterval how often the relay looks for events another replica's crash left behind
   * @param sweepGrace how old a pending event must be before a sweep publishes it: longer than a
   *     relay takes to publish its own, so another replica's fresh events are left to it
   * @param retryInterval how long the relay waits after Kafka or the database failed it before it
   *     looks for everything still pending, its own events included
   * @param sendTimeout how long the relay waits for Kafka to acknowledge a batch
   * @param batchSize how many documents the relay flushes in one go
   */
  public record Outbox(List<String> collections, Duration sweepInterval, Duration sweepGrace, Duration retryInterval,
      Duration sendTimeout, int batchSize) {}
}
