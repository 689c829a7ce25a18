package city.hotline.support.outbox;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.HotlineProperties;
import city.hotline.support.kafka.EventCodec;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.core.DefaultKafkaProducerFactory;
import org.springframework.kafka.core.KafkaTemplate;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;
import tools.jackson.databind.json.JsonMapper;

/**
 * The outbox relay against the official MongoDB and Apache Kafka images: what the compose and
 * external modes run on. Skipped, with Testcontainers' reason, where no Docker engine is reachable.
 */
@Testcontainers(disabledWithoutDocker = true)
class OutboxRelayContainersTest {
  static final String MONGO_IMAGE = "mongo:8.0";
  static final String KAFKA_IMAGE = "apache/kafka:4.1.0";

  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer(MONGO_IMAGE);

  @Container
  static final KafkaContainer KAFKA = new KafkaContainer(KAFKA_IMAGE);

  @Test
  void aStateChangeWrittenWithItsEventIsPublishedKeyedByTicketAndThenLeavesTheOutbox() {
    HotlineProperties properties = new HotlineProperties("test-service",
        new HotlineProperties.Mongo(MONGO.getConnectionString(), "outbox-test", Duration.ofSeconds(3)),
        new HotlineProperties.Kafka("hotline.test.events", "hotline.test.dlt", List.of(), 1, (short) 1,
            Duration.ofSeconds(1), 2, Duration.ofSeconds(30), Duration.ofSeconds(1), Duration.ofMinutes(2)),
        new HotlineProperties.Outbox(List.of("cases"), Duration.ofMillis(500), Duration.ofSeconds(30),
            Duration.ofMillis(500), Duration.ofSeconds(15), 100));
    KafkaTemplate<String, String> kafka = new KafkaTemplate<>(new DefaultKafkaProducerFactory<>(Map.of(
        ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(), ProducerConfig.ACKS_CONFIG, "all"),
        new StringSerializer(), new StringSerializer()));
    EventCodec codec = new EventCodec(JsonMapper.builder().build());
    try (MongoClient client = MongoClients.create(MONGO.getConnectionString())) {
      MongoDatabase database = client.getDatabase("outbox-test");
      OutboxRelay relay = new OutboxRelay(kafka, codec, database, properties);
      EventEnvelope<CaseResolved> event = EventEnvelope.of(EventType.CASE_RESOLVED, "WH20261123000001",
          "test-service", Instant.now(), new CaseResolved(new CaseFacts("JIANGAN", "SANITATION", "NORMAL", "U"),
              "bureau", "done", true, null, null));
      MongoCollection<Document> cases = database.getCollection("cases");
      cases.insertOne(new Document("_id", "WH20261123000001").append("state", "RESOLVED")
          .append(OutboxRelay.FIELD, List.of(relay.entry(event))));

      relay.start();
      try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
          ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, KAFKA.getBootstrapServers(),
          ConsumerConfig.GROUP_ID_CONFIG, "outbox-test",
          ConsumerConfig.AUTO_OFFSET_RESET_CONFIG, "earliest"), new StringDeserializer(), new StringDeserializer())) {
        consumer.subscribe(List.of("hotline.test.events"));
        List<ConsumerRecord<String, String>> seen = new ArrayList<>();
        await().atMost(Duration.ofSeconds(60)).until(() -> {
          consumer.poll(Duration.ofMillis(200)).forEach(seen::add);
          return !seen.isEmpty();
        });
        assertThat(seen.get(0).key()).isEqualTo("WH20261123000001");
        assertThat(codec.decode(seen.get(0).value())).isEqualTo(event);
      }
      await().atMost(Duration.ofSeconds(30)).until(() ->
          cases.find(Filters.eq("_id", "WH20261123000001")).first().getList(OutboxRelay.FIELD, Document.class).isEmpty());
      relay.stop();
    }
  }
}
