package city.hotline.intake.complaint;

import city.hotline.support.HotlineProperties;
import city.hotline.support.kafka.TopicReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndTimestamp;
import org.apache.kafka.common.TopicPartition;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * A ticket number is never given to two calls, even when intake's database comes back older than its topic
 * (a restored backup, SPEC §8.1): before intake answers its first call, today's counter is lifted above
 * every number today's registrations on intake's own topic carry. The topic is keyed by ticket number, so
 * the keys alone tell; only today's part of it is read (from the first record at or after midnight).
 */
@Component
class TicketFloor implements InitializingBean {
  private static final Logger log = LoggerFactory.getLogger(TicketFloor.class);
  private static final Duration POLL = Duration.ofMillis(500);
  private static final Duration MARGIN = Duration.ofHours(1);

  private final TicketSequence sequence;
  private final TicketSettings settings;
  private final String topic;
  private final String bootstrap;
  private final Duration timeout;

  TicketFloor(TicketSequence sequence, TicketSettings settings, HotlineProperties properties,
      @Value("${spring.kafka.bootstrap-servers}") String bootstrap,
      @Value("${hotline.tickets.floor-timeout:60s}") Duration timeout) {
    this.sequence = sequence;
    this.settings = settings;
    this.topic = properties.kafka().topic();
    this.bootstrap = bootstrap;
    this.timeout = timeout;
  }

  /** Runs while the service starts, before its web server takes calls; start-up fails if the topic cannot be read. */
  @Override
  public void afterPropertiesSet() {
    LocalDate today = sequence.today();
    long highest = highestOnTopic(today);
    if (highest > 0) {
      sequence.lift(TicketNumber.dayKey(settings.prefix(), today), highest);
    }
    log.info("ticket numbers of {} continue above {}, the highest on {}", today, highest, topic);
  }

  /** The highest sequence number of the given day among the topic's keys, 0 if none. */
  long highestOnTopic(LocalDate day) {
    String dayKey = TicketNumber.dayKey(settings.prefix(), day);
    // A record's timestamp is when the relay sent it, after the call: an hour's margin before midnight is plenty,
    // and the keys decide which day a number belongs to.
    long midnight = day.atStartOfDay(settings.zone()).minus(MARGIN).toInstant().toEpochMilli();
    long deadline = System.nanoTime() + timeout.toNanos();
    try (KafkaConsumer<String, String> consumer = TopicReader.open(bootstrap)) {
      List<TopicPartition> partitions = consumer.partitionsFor(topic, timeout).stream()
          .map(p -> new TopicPartition(topic, p.partition())).toList();
      Map<TopicPartition, Long> since = new HashMap<>();
      partitions.forEach(p -> since.put(p, midnight));
      Map<TopicPartition, OffsetAndTimestamp> starts = consumer.offsetsForTimes(since, timeout);
      Map<TopicPartition, Long> ends = consumer.endOffsets(partitions, timeout);
      List<TopicPartition> today = partitions.stream().filter(p -> starts.get(p) != null).toList();
      consumer.assign(today);
      today.forEach(p -> consumer.seek(p, starts.get(p).offset()));
      long highest = 0;
      while (today.stream().anyMatch(p -> consumer.position(p, timeout) < ends.get(p))) {
        if (System.nanoTime() > deadline) {
          throw new IllegalStateException("could not read today's ticket numbers from " + topic + " within " + timeout);
        }
        for (ConsumerRecord<String, String> record : consumer.poll(POLL)) {
          String ticket = record.key();
          if (ticket != null && ticket.length() > dayKey.length() && TicketNumber.dayKeyOf(ticket).equals(dayKey)) {
            highest = Math.max(highest, TicketNumber.sequence(ticket));
          }
        }
      }
      return highest;
    }
  }
}
