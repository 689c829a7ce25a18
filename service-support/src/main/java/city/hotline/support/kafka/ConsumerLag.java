package city.hotline.support.kafka;

import city.hotline.support.PeriodicTask;
import city.hotline.support.metrics.MetricsProperties;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Duration;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.kafka.listener.MessageListenerContainer;
import org.springframework.stereotype.Component;

/**
 * How far each of the service's consumer groups is behind on each partition of the topics it reads
 * ({@code hotline_kafka_consumer_lag{group,topic,partition}}): the partition's end offset minus the group's
 * committed offset (or the partition's first offset where the group has committed nothing, or less than what
 * retention kept). Read through one long-lived admin client; while Kafka is away the gauges keep their last
 * values and the client retries at most once per interval, so an outage does not flood the log. The groups
 * and their topics are the service's listener containers' (a listener with an id of its own is a group of its
 * own, e.g. feedback-statistics), read at each sample.
 */
@Component
public class ConsumerLag extends PeriodicTask {
  static final String LAG = "hotline.kafka.consumer.lag";

  private final Map<String, Object> adminConfig;
  private final Supplier<Map<String, Set<String>>> groups;
  private final MeterRegistry registry;
  private final Map<Key, Partition> partitions = new ConcurrentHashMap<>();
  private Admin admin;
  private boolean stopped;

  private record Key(String group, TopicPartition partition) {}

  private record Partition(AtomicLong lag, Gauge gauge) {}

  @Autowired
  ConsumerLag(KafkaAdmin kafkaAdmin, KafkaListenerEndpointRegistry listeners, MetricsProperties metrics,
      MeterRegistry registry) {
    this(kafkaAdmin.getConfigurationProperties(), () -> groupsOf(listeners), metrics.consumerLagInterval(), registry);
  }

  /** One group reading the given topics. */
  public ConsumerLag(Map<String, Object> adminConfig, String group, List<String> topics, Duration interval,
      MeterRegistry registry) {
    this(adminConfig, () -> Map.of(group, Set.copyOf(topics)), interval, registry);
  }

  private ConsumerLag(Map<String, Object> adminConfig, Supplier<Map<String, Set<String>>> groups, Duration interval,
      MeterRegistry registry) {
    super("consumer-lag", interval, "consumer-lag cannot read Kafka, its gauges keep their last values until it can");
    String waitMs = Long.toString(Math.max(1, interval.toMillis()));
    Map<String, Object> config = new HashMap<>(adminConfig);
    config.put(AdminClientConfig.CLIENT_ID_CONFIG, "consumer-lag");
    // One answer per sample, and at most one reconnection attempt (and its log line) per interval while Kafka is away.
    config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, waitMs);
    config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, waitMs);
    config.put(AdminClientConfig.RECONNECT_BACKOFF_MS_CONFIG, waitMs);
    config.put(AdminClientConfig.RECONNECT_BACKOFF_MAX_MS_CONFIG, waitMs);
    // With the default (rebootstrap) an admin client facing a dead broker logged "Rebootstrapping" some 300 times a
    // second; it reconnects to the bootstrap servers it knows either way.
    config.put(AdminClientConfig.METADATA_RECOVERY_STRATEGY_CONFIG, "none");
    this.adminConfig = config;
    this.groups = groups;
    this.registry = registry;
  }

  /** Each listener container's group with the topics it reads. */
  static Map<String, Set<String>> groupsOf(KafkaListenerEndpointRegistry listeners) {
    Map<String, Set<String>> groups = new TreeMap<>();
    for (MessageListenerContainer container : listeners.getListenerContainers()) {
      String[] topics = container.getContainerProperties().getTopics();
      if (container.getGroupId() != null && topics != null) {
        groups.computeIfAbsent(container.getGroupId(), g -> new TreeSet<>()).addAll(List.of(topics));
      }
    }
    return groups;
  }

  @Override
  protected synchronized void runOnce() throws Exception {
    Map<String, Set<String>> readers = groups.get();
    if (stopped || readers.isEmpty()) {
      return;
    }
    if (admin == null) {
      admin = Admin.create(adminConfig);
    }
    long waitMs = interval().toMillis();
    Set<String> topics = new TreeSet<>();
    readers.values().forEach(topics::addAll);
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
    Set<Key> seen = new HashSet<>();
    for (Map.Entry<String, Set<String>> reader : readers.entrySet()) {
      String group = reader.getKey();
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get(waitMs, TimeUnit.MILLISECONDS);
      ends.forEach((partition, end) -> {
        if (!reader.getValue().contains(partition.topic())) {
          return;
        }
        long start = starts.get(partition).offset();
        OffsetAndMetadata position = committed.get(partition);
        long from = Math.max(start, position == null ? start : position.offset());
        Key key = new Key(group, partition);
        partitionGauge(key).lag().set(Math.max(0, end.offset() - from));
        seen.add(key);
      });
    }
    // A partition Kafka no longer reports (its topic was deleted) would otherwise show its last lag forever.
    partitions.keySet().removeIf(key -> {
      if (seen.contains(key)) {
        return false;
      }
      registry.remove(partitions.get(key).gauge());
      return true;
    });
  }

  private Partition partitionGauge(Key key) {
    return partitions.computeIfAbsent(key, k -> {
      AtomicLong lag = new AtomicLong();
      Gauge gauge = Gauge.builder(LAG, lag, AtomicLong::get)
          .tags("group", k.group(), "topic", k.partition().topic(), "partition", Integer.toString(k.partition().partition()))
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
