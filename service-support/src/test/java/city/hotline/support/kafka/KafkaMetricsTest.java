package city.hotline.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.support.HotlineProperties;
import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaConsumerFactory;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.ContainerProperties;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.kafka.listener.KafkaMessageListenerContainer;
import org.springframework.kafka.listener.MessageListener;
import org.springframework.kafka.test.EmbeddedKafkaBroker;
import org.springframework.kafka.test.context.EmbeddedKafka;
import org.springframework.kafka.test.utils.ContainerTestUtils;

/** The Kafka side of what an operator watches: dead letters counted, and how far a consumer group lags. */
@EmbeddedKafka(partitions = 2, topics = {KafkaMetricsTest.EVENTS, KafkaMetricsTest.DEAD_LETTERS, KafkaMetricsTest.LAGGING})
class KafkaMetricsTest {
  static final String EVENTS = "hotline.metrics-test.events";
  static final String DEAD_LETTERS = "hotline.metrics-test.dlt";
  static final String LAGGING = "hotline.metrics-test.lagging";

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @Test
  void aPoisonedRecordIsCountedOnceAsADeadLetterOfTheServicesDeadLetterTopic(EmbeddedKafkaBroker broker) {
    HotlineProperties properties = new HotlineProperties("metrics-test", null,
        new HotlineProperties.Kafka(EVENTS, DEAD_LETTERS, List.of(), 2, (short) 1, Duration.ofMillis(100), 2,
            Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1)),
        null);
    KafkaTemplate<String, String> template = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString()),
        new StringSerializer(), new StringSerializer()));
    try (MongoWireTestServer store = new MongoWireTestServer(); MongoClient client = MongoClients.create(store.uri())) {
      ConsumerPositionsConfiguration.PositionKeeper positions = new ConsumerPositionsConfiguration()
          .positionKeeper(client.getDatabase("metrics-test"), Clock.systemUTC(), properties);
      DefaultErrorHandler handler =
          new KafkaTopicsConfiguration().deadLetterErrorHandler(template, properties, positions, registry);
      assertThat(deadLetters()).as("registered before the first one, so an increase() sees it").isZero();

      List<String> handled = new ArrayList<>();
      ContainerProperties listening = new ContainerProperties(EVENTS);
      listening.setMessageListener((MessageListener<String, String>) record -> {
        if (record.value().contains("poison")) {
          throw new EventRejectedException("cannot read " + record.value(), null);
        }
        handled.add(record.value());
      });
      KafkaMessageListenerContainer<String, String> container = new KafkaMessageListenerContainer<>(
          new DefaultKafkaConsumerFactory<>(Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
              ConsumerConfig.GROUP_ID_CONFIG, "metrics-test", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
              new StringDeserializer(), new StringDeserializer()), listening);
      container.setCommonErrorHandler(handler);
      container.start();
      try {
        ContainerTestUtils.waitForAssignment(container, 2);
        template.send(EVENTS, "WH20260302000001", "{\"poison\": true}").join();
        template.send(EVENTS, "WH20260302000001", "{\"good\": true}").join();
        await().atMost(Duration.ofSeconds(20)).until(() -> handled.contains("{\"good\": true}"));
        assertThat(deadLetters()).isEqualTo(1.0);
        assertThat(recordsOn(broker, DEAD_LETTERS)).extracting(ConsumerRecord::value).containsExactly("{\"poison\": true}");
      } finally {
        container.stop();
        positions.close();
      }
    }
  }

  private double deadLetters() {
    return registry.get(KafkaTopicsConfiguration.DEAD_LETTERS).tag("topic", DEAD_LETTERS).counter().count();
  }

  private static List<ConsumerRecord<String, String>> recordsOn(EmbeddedKafkaBroker broker, String topic) {
    List<ConsumerRecord<String, String>> seen = new ArrayList<>();
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, broker.getBrokersAsString(),
        ConsumerConfig.GROUP_ID_CONFIG, "metrics-test-reader", ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"),
        new StringDeserializer(), new StringDeserializer())) {
      consumer.subscribe(List.of(topic));
      await().atMost(Duration.ofSeconds(20)).until(() -> {
        consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
        return !seen.isEmpty();
      });
    }
    return seen;
  }

  @Test
  void theLagIsWhatTheGroupHasNotCommittedOnEachPartitionAndFallsToZeroOnceItHas(EmbeddedKafkaBroker broker) {
    String bootstrap = broker.getBrokersAsString();
    try (KafkaProducer<String, String> producer = new KafkaProducer<>(
        Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), new StringSerializer(), new StringSerializer())) {
      for (int i = 0; i < 5; i++) {
        producer.send(new ProducerRecord<>(LAGGING, 0, "WH" + i, "event " + i));
      }
      for (int i = 0; i < 3; i++) {
        producer.send(new ProducerRecord<>(LAGGING, 1, "WH" + i, "event " + i));
      }
      producer.flush();
    }
    TopicPartition first = new TopicPartition(LAGGING, 0);
    TopicPartition second = new TopicPartition(LAGGING, 1);
    commit(bootstrap, Map.of(first, 2L));

    ConsumerLag lag = new ConsumerLag(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap), "lagging-group",
        List.of(LAGGING), Duration.ofSeconds(5), registry);
    try {
      lag.runNow();
      assertThat(lagOf(0)).as("five records, two committed").isEqualTo(3.0);
      assertThat(lagOf(1)).as("nothing committed: every record is still to be read").isEqualTo(3.0);

      commit(bootstrap, Map.of(first, 5L, second, 3L));
      lag.runNow();
      assertThat(lagOf(0)).isZero();
      assertThat(lagOf(1)).isZero();
    } finally {
      lag.stop();
    }
  }

  @Test
  void withKafkaAwayTheLagSamplerNeitherThrowsNorInventsAnything() {
    ConsumerLag lag = new ConsumerLag(Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, "127.0.0.1:1"), "lagging-group",
        List.of(LAGGING), Duration.ofMillis(300), registry);
    try {
      lag.runNow();
      lag.runNow();
      assertThat(registry.find(ConsumerLag.LAG).gauges()).isEmpty();
    } finally {
      lag.stop();
    }
  }

  private double lagOf(int partition) {
    return registry.get(ConsumerLag.LAG)
        .tags("group", "lagging-group", "topic", LAGGING, "partition", Integer.toString(partition)).gauge().value();
  }

  private static void commit(String bootstrap, Map<TopicPartition, Long> offsets) {
    try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
        ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap, ConsumerConfig.GROUP_ID_CONFIG, "lagging-group"),
        new StringDeserializer(), new StringDeserializer())) {
      Map<TopicPartition, OffsetAndMetadata> commits = new java.util.HashMap<>();
      offsets.forEach((partition, offset) -> commits.put(partition, new OffsetAndMetadata(offset)));
      consumer.commitSync(commits);
    }
  }
}
