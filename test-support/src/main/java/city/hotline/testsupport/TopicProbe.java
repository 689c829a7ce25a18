package city.hotline.testsupport;

import java.time.Duration;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult.ListOffsetsResultInfo;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Reads what a service published on a topic, and publishes records into one, like another service would. */
public final class TopicProbe implements AutoCloseable {
  private static final Duration POLL = Duration.ofMillis(200);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final String bootstrap;
  private final List<ConsumerRecord<String, String>> seen = new CopyOnWriteArrayList<>();
  private final KafkaConsumer<String, String> consumer;
  private final KafkaProducer<String, String> producer;

  public TopicProbe(String bootstrap, String... topics) {
    this.bootstrap = bootstrap;
    this.consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ConsumerConfig.GROUP_ID_CONFIG, "probe-" + UUID.randomUUID(),
        ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer());
    consumer.subscribe(List.of(topics));
    this.producer = new KafkaProducer<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
        ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer());
  }

  /** Polls once and returns everything seen so far; call it inside an Awaitility condition. */
  public synchronized List<ConsumerRecord<String, String>> records() {
    consumer.poll(POLL).forEach(seen::add);
    return new ArrayList<>(seen);
  }

  /** True once this probe has read every record now on its topics, duplicates included. */
  public synchronized boolean readToEnd() {
    consumer.poll(POLL).forEach(seen::add);
    Map<TopicPartition, Long> ends = consumer.endOffsets(consumer.assignment());
    return !ends.isEmpty() && ends.entrySet().stream().allMatch(end -> consumer.position(end.getKey()) >= end.getValue());
  }

  /** The envelopes seen so far for one ticket, as JSON, in the order they were read. */
  public List<JsonNode> events(String ticketId) {
    return records().stream().filter(r -> ticketId.equals(r.key())).map(r -> JSON.readTree(r.value())).toList();
  }

  /**
   * True once a consumer group has committed past every record now on the topic: everything
   * published so far, duplicates included, has been processed.
   */
  public boolean caughtUp(String groupId, String topic) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic).partitions()
          .forEach(p -> latest.put(new TopicPartition(topic, p.partition()), OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
      return ends.entrySet().stream().allMatch(end -> end.getValue().offset() == 0
          || (committed.get(end.getKey()) != null && committed.get(end.getKey()).offset() >= end.getValue().offset()));
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not read offsets of " + groupId + " on " + topic, e);
    }
  }

  /** True once a consumer group has committed past every record now on each partition it has committed for. */
  public boolean caughtUp(String groupId) {
    try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(groupId).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
      committed.keySet().forEach(p -> latest.put(p, OffsetSpec.latest()));
      Map<TopicPartition, ListOffsetsResultInfo> ends = admin.listOffsets(latest).all().get();
      return ends.entrySet().stream().allMatch(e -> committed.get(e.getKey()).offset() >= e.getValue().offset());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    } catch (ExecutionException e) {
      throw new IllegalStateException("could not read offsets of " + groupId, e);
    }
  }

  public void publish(String topic, String key, String value) {
    try {
      producer.send(new ProducerRecord<>(topic, key, value)).get();
    } catch (Exception e) {
      throw new IllegalStateException("could not publish to " + topic + " at " + bootstrap, e);
    }
  }

  @Override
  public synchronized void close() {
    consumer.close();
    producer.close();
  }
}
