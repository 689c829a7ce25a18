package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KafkaBrokerTest {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(60);
    private static final Duration POLL = Duration.ofMillis(200);
    private static final String TOPIC = "hotline.smoke";
    private static final TopicPartition PARTITION = new TopicPartition(TOPIC, 0);

    @TempDir
    Path dir;

    private final Ports ports = Ports.allocateFree();
    private Process broker;

    @AfterEach
    void killLeftover() {
        if (broker != null) {
            broker.destroyForcibly();
        }
    }

    @Test
    void formatsStartsServesARoundTripAndShutsDownCleanly() throws Exception {
        Path dataDir = dir.resolve("data");
        Path log = dir.resolve("kafka.log");
        KafkaBroker kafka = new KafkaBroker(TestJvm.javaCommand(), Settings.DEFAULT_KAFKA_HEAP,
                dir.resolve("server.properties"), dataDir, dir.resolve("cluster.id"),
                ports.kafka(), ports.kafkaController(), START_TIMEOUT, ports.kafkaMetrics());

        kafka.prepare(log);
        assertThat(dataDir.resolve(KafkaBroker.META_PROPERTIES)).exists();

        long start = System.nanoTime();
        Process process = ProcessLauncher.start(kafka.command(), Map.of(), dir, log);
        broker = process;
        KafkaHealthCheck health = new KafkaHealthCheck("localhost", ports.kafka(), Settings.HEALTH_PROBE_TIMEOUT);
        await("kafka broker healthy")
                .atMost(START_TIMEOUT)
                .pollInterval(Settings.HEALTH_POLL_INTERVAL)
                .failFast("broker process died, see " + log, () -> !process.isAlive())
                .until(health::isHealthy);
        System.out.printf("Kafka broker healthy %d ms after start%n", Duration.ofNanos(System.nanoTime() - start).toMillis());

        String bootstrap = "localhost:" + ports.kafka();
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap))) {
            admin.createTopics(List.of(new NewTopic(TOPIC, 1, (short) 1))).all().get();
        }
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ProducerConfig.KEY_SERIALIZER_CLASS_CONFIG, StringSerializer.class,
                ProducerConfig.VALUE_SERIALIZER_CLASS_CONFIG, StringSerializer.class))) {
            producer.send(new ProducerRecord<>(TOPIC, "T-1", "ticket created")).get();
        }
        // The broker's metrics endpoint reads Kafka's own MBeans: the message just written is counted.
        await("message counted in the broker's metrics").atMost(START_TIMEOUT).untilAsserted(() -> {
            Scrape scrape = Scrape.of(ports.kafkaMetrics());
            assertThat(scrape.value("kafka_broker_messages_in_total")).hasValueSatisfying(
                    messages -> assertThat(messages).isGreaterThanOrEqualTo(1));
            assertThat(scrape.value("kafka_broker_bytes_in_total")).hasValueSatisfying(
                    bytes -> assertThat(bytes).isPositive());
            assertThat(scrape.value("kafka_broker_under_replicated_partitions")).hasValue(0.0);
            assertThat(scrape.body()).contains("jvm_memory_used_bytes{");
        });
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrap,
                ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class,
                ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class))) {
            consumer.assign(List.of(PARTITION));
            consumer.seekToBeginning(List.of(PARTITION));
            await("record consumed").atMost(START_TIMEOUT).untilAsserted(() -> {
                List<ConsumerRecord<String, String>> records = consumer.poll(POLL).records(PARTITION);
                assertThat(records).extracting(ConsumerRecord::value).containsExactly("ticket created");
            });
        }

        process.destroy();
        await("broker exit").atMost(Settings.KAFKA_STOP_TIMEOUT).until(() -> !process.isAlive());
        // Kafka writes this marker only at the end of an orderly shutdown; without it the next start recovers logs.
        assertThat(dataDir.resolve(".kafka_cleanshutdown")).exists();
    }
}
