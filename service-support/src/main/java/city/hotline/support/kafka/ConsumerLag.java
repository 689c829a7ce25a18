package city.hotline.support.kafka;

import city.hotline.support.HotlineProperties;
import city.hotline.support.metrics.MetricsProperties;
import city.hotline.support.metrics.PeriodicSampler;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.stereotype.Component;

/**
 * How far the service's consumer group is behind on each partition of the topics it reads
 * ({@code hotline_kafka_consumer_lag{group,topic,partition}}): the partition's end offset minus the group's
 * committed offset (or the partition's first offset where the group has committed nothing, or less than what
 * retention kept). Read through one long-lived admin client; while Kafka is away the gauges keep their last
 * values and the client retries at most once per interval, so an outage does not flood the log.
 */
@Component
public class ConsumerLag extends PeriodicSampler {
  static final String LAG = "hotline.kafka.consumer.lag";

  private final Map<String, Object> adminConfig;
  private final String group;
  private final List<String> topics;
  private final MeterRegistry registry;
  private final Map<TopicPartition, Partition> partitions = new ConcurrentHashMap<>();
  private Admin admin;
  private boolean stopped;

  private record Partition(AtomicLong lag, Gauge gauge) {}

  @Autowired
  ConsumerLag(KafkaAdmin kafkaAdmin, @Value("${spring.kafka.consumer.group-id:}") String group,
      HotlineProperties properties, MetricsProperties metrics, MeterRegistry registry) {
    this(kafkaAdmin.getConfigurationProperties(), group, properties.kafka().consumes(), metrics.consumerLagInterval(),
        registry);
  }

  public ConsumerLag(Map<String, Object> adminConfig, String group, List<String> topics, Duration interval,
      MeterRegistry registry) {
    super("consumer-lag", interval);
    String waitMs = Long.toString(Math.max(1, interval.toMillis()));
    Map<String, Object> config = new HashMap<>(adminConfig);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag-" + group);
    // One answer per sample, and at most one reconnection attempt (and its log line) per interval while Kafka is away.
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, waitMs);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, waitMs);
    config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, waitMs);
    config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, waitMs);
    // With the default (rebootstrap) an admin client facing a dead broker logged "Rebootstrapping" some 300 times a
    // second; it reconnects to the bootstrap servers it knows either way.
    config.put(AdminClientConfig.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
    this.adminConfig = config;
    this.group = group;
    this.topics = topics == null ? List.of() : List.copyOf(topics);
    this.registry = registry;
  }

  @Override
  protected synchronized void sample() throws Exception {
    if (stopped || group == null || group.isBlank() || topics.isEmpty()) {
      return;
    }
    if (admin == null) {
      admin = Admin.create(adminConfig);
    }
    long waitMs = interval().toMillis();
    Map<TopicPartition, OffsetAndMetadata> committed =
        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(waitMs, TimeUnit.MILLISECONDS);
    Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
    Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
    admin.describeTopics(topics).allTopicNames().get(waitMs, TimeUnit.MILLISECONDS).forEach((topic, description) ->
        description.partitions().forEach(p -> {
          TopicPartition partition = new TopicPartition(topic, p.partition());
          latest.put(partition, OffsetSpec.latest());
          earliest.put(partition, OffsetSpec.earliest());
        }));
    Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get(waitMs, TimeUnit.MILLISECONDS);
    Map<TopicPartition, ListOffsetsResultInfo> starts =
        admin.listOffsets(earliest).all().get(waitMs, TimeUnit.MILLISECONDS);
    Set<TopicPartition> seen = new HashSet<>();
    ends.forEach((partition, end) -> {
      long start = starts.get(partition).offset();
      OffsetAndMetadata position = committed.get(partition);
      long from = Math.max(start, position == null ? start : position.offset());
      partitionGauge(partition).lag().set(Math.max(0, end.offset() - from));
      seen.add(partition);
    });
    // A partition Kafka no longer reports (its topic was deleted) would otherwise show its last lag forever.
    partitions.keySet().removeIf(partition -> {
      if (seen.contains(partition)) {
        return false;
      }
      registry.remove(partitions.get(partition).gauge());
      return true;
    });
  }

  private Partition partitionGauge(TopicPartition partition) {
    return partitions.computeIfAbsent(partition, p -> {
      AtomicLong lag = new AtomicLong();
      Gauge gauge = Gauge.builder(LAG, lag, AtomicLong::get)
          .tags("group", group, "topic", p.topic(), "partition", Integer.toString(p.partition()))
          .description("Records on the partition the consumer group has not committed yet").register(registry);
      return new Partition(lag, gauge);
    });
  }

  @Override
  public void start() {
    synchronized (this) {
      stopped = false;
    }
    super.start();
  }

  @Override
  public void stop() {
    super.stop(); // interrupts a sample under way, which then lets go of the admin client
    synchronized (this) {
      stopped = true;
      if (admin != null) {
        admin.close(Duration.ZERO);
        admin = null;
      }
    }
  }
}
