package city.hotline.infra;

import city.hotline.infra.DeadLetter.Coordinates;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.errors.TopicExistsException;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads the dead-letter topics and puts chosen dead letters back on the topic they came from, once.
 *
 * <p>Dead-letter topics are the topics whose name ends in {@value #DLT_SUFFIX} (each service's
 * {@code hotline.<service>.dlt}), read from the beginning to their current end by a consumer of no group, so
 * reading changes nothing. A republished record goes to its original topic with the same key (so the default
 * partitioner puts it with the ticket's other events; a record without a key goes back to its original partition)
 * and value, its headers without the {@code kafka_dlt-*} ones, and {@value DeadLetter#REPUBLISHED_FROM} naming the
 * dead letter. Every consumer group of that topic sees it again; consumers are idempotent, so the groups that had
 * processed the original change nothing.
 *
 * <p>Once only: each republication is recorded in the compacted topic {@value #REPUBLISHED_TOPIC}, keyed by the
 * <em>original</em> record's coordinates (one original may have been dead-lettered by several consumer groups; one
 * copy reaches them all). A dead letter whose original is recorded there is refused. The record is written after the
 * copy, so a crash in between can at worst let a second copy through, which idempotent consumers absorb; two
 * operators republishing the same dead letter at the same instant could do the same.
 */
public final class DeadLetters implements AutoCloseable {
    public static final String DLT_SUFFIX = ".dlt";
    public static final String REPUBLISHED_TOPIC = "hotline.dead-letters.republished";

    private static final Duration POLL = Duration.ofMillis(200);
    private static final Duration READ_LIMIT = Duration.ofSeconds(60);
    private static final long ADMIN_TIMEOUT_SECONDS = 20;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final Admin admin;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final KafkaProducer<byte[], byte[]> producer;

    /** What {@link #REPUBLISHED_TOPIC} holds for one original record. */
    public record Republication(Coordinates origin, Coordinates deadLetter, Coordinates copy, Instant at) {}

    /** The result of one republish request: the copy's coordinates, or why there is none. */
    public record Outcome(Coordinates deadLetter, Optional<Coordinates> copy, String message) {
        public boolean republished() {
            return copy.isPresent();
        }

        public String line() {
            return deadLetter + "  " + message;
        }
    }

    public DeadLetters(String bootstrapServers) {
        int timeoutMs = (int) TimeUnit.SECONDS.toMillis(ADMIN_TIMEOUT_SECONDS);
        this.admin = Admin.create(Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2));
        this.consumer = new KafkaConsumer<>(Map.of(
                ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false,
                ConsumerConfig.ALLOW_AUTO_CREATE_TOPICS_CONFIG, false,
                ConsumerConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs),
                new ByteArrayDeserializer(), new ByteArrayDeserializer());
        this.producer = new KafkaProducer<>(Map.of(
                ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all",
                ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true,
                ProducerConfig.MAX_BLOCK_MS_CONFIG, timeoutMs,
                ProducerConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs / 2,
                ProducerConfig.DELIVERY_TIMEOUT_MS_CONFIG, timeoutMs),
                new ByteArraySerializer(), new ByteArraySerializer());
    }

    /** The topics whose name ends in {@value #DLT_SUFFIX}, sorted. */
    public List<String> deadLetterTopics() {
        return await(admin.listTopics().names()).stream().filter(name -> name.endsWith(DLT_SUFFIX)).sorted().toList();
    }

    /** Every dead letter now on the given topics (all dead-letter topics when empty), in topic, partition, offset order. */
    public List<DeadLetter> read(Optional<String> topic) {
        List<String> topics = topic.map(List::of).orElseGet(this::deadLetterTopics);
        List<DeadLetter> letters = new ArrayList<>();
        for (String name : topics) {
            readAll(name).stream().map(DeadLetter::of).forEach(letters::add);
        }
        return letters;
    }

    /** What {@link #REPUBLISHED_TOPIC} holds, keyed by the original record's coordinates; empty if it does not exist yet. */
    public Map<String, Republication> republications() {
        Map<String, Republication> done = new HashMap<>();
        if (!await(admin.listTopics().names()).contains(REPUBLISHED_TOPIC)) {
            return done;
        }
        for (ConsumerRecord<byte[], byte[]> record : readAll(REPUBLISHED_TOPIC)) {
            if (record.key() == null || record.value() == null) {
                continue;
            }
            JsonNode marker = JSON.readTree(record.value());
            done.put(new String(record.key(), StandardCharsets.UTF_8), new Republication(
                    Coordinates.parse(marker.path("origin").asString()),
                    Coordinates.parse(marker.path("deadLetter").asString()),
                    Coordinates.parse(marker.path("copy").asString()),
                    Instant.parse(marker.path("at").asString())));
        }
        return done;
    }

    /** The lines of {@code ./hotline dead-letters list}: a summary, then one line per dead letter. */
    public List<String> listing(Optional<String> topic) {
        List<String> topics = topic.map(List::of).orElseGet(this::deadLetterTopics);
        Map<String, Republication> done = republications();
        List<String> lines = new ArrayList<>();
        int count = 0;
        for (String name : topics) {
            for (ConsumerRecord<byte[], byte[]> record : readAll(name)) {
                lines.add(describe(DeadLetter.of(record), done));
                count++;
            }
        }
        lines.add(0, count + " dead letter" + (count == 1 ? "" : "s") + " in "
                + (topics.isEmpty() ? "no dead-letter topic (none ends in " + DLT_SUFFIX + ")" : String.join(", ", topics)));
        return lines;
    }

    static String describe(DeadLetter letter, Map<String, Republication> done) {
        Optional<Republication> republication = letter.origin().map(o -> done.get(o.toString()));
        return letter.line() + republication.map(r -> r.deadLetter().equals(letter.at())
                ? "  REPUBLISHED as " + r.copy() + " at " + r.at()
                : "  REPUBLISHED (from " + r.deadLetter() + ") as " + r.copy() + " at " + r.at()).orElse("");
    }

    /** Every dead letter of the given topics (all when empty) whose original was not republished yet, one per original. */
    public List<Coordinates> notYetRepublished(Optional<String> topic) {
        Map<String, Republication> done = republications();
        Map<String, Coordinates> pending = new LinkedHashMap<>();
        for (DeadLetter letter : read(topic)) {
            letter.origin().map(Coordinates::toString).filter(o -> !done.containsKey(o))
                    .ifPresent(o -> pending.putIfAbsent(o, letter.at()));
        }
        return List.copyOf(pending.values());
    }

    /** Republishes each chosen dead letter whose original was not republished before; see the class comment. */
    public List<Outcome> republish(List<Coordinates> chosen) {
        Map<String, Republication> done = republications();
        List<Outcome> outcomes = new ArrayList<>();
        boolean markerTopicReady = false;
        for (Coordinates at : new LinkedHashSet<>(chosen)) {
            Optional<ConsumerRecord<byte[], byte[]>> found = fetch(at);
            if (found.isEmpty()) {
                outcomes.add(new Outcome(at, Optional.empty(), "REFUSED: no record there"));
                continue;
            }
            ConsumerRecord<byte[], byte[]> record = found.get();
            DeadLetter letter = DeadLetter.of(record);
            if (letter.origin().isEmpty()) {
                outcomes.add(new Outcome(at, Optional.empty(),
                        "REFUSED: not a dead letter (no " + DeadLetter.ORIGINAL_TOPIC + "/partition/offset headers)"));
                continue;
            }
            Coordinates origin = letter.origin().get();
            Republication earlier = done.get(origin.toString());
            if (earlier != null) {
                outcomes.add(new Outcome(at, Optional.empty(), "REFUSED: its original " + origin
                        + " was already republished from " + earlier.deadLetter() + " as " + earlier.copy()
                        + " at " + earlier.at()));
                continue;
            }
            if (!markerTopicReady) {
                ensureMarkerTopic();
                markerTopicReady = true;
            }
            RecordHeaders headers = new RecordHeaders();
            for (Header header : record.headers()) {
                if (!header.key().startsWith(DeadLetter.DLT_HEADER_PREFIX) && !header.key().equals(DeadLetter.REPUBLISHED_FROM)) {
                    headers.add(header);
                }
            }
            headers.add(DeadLetter.REPUBLISHED_FROM, at.toString().getBytes(StandardCharsets.UTF_8));
            Integer partition = record.key() == null ? origin.partition() : null;
            RecordMetadata sent = await(producer.send(
                    new ProducerRecord<>(origin.topic(), partition, record.key(), record.value(), headers)));
            Coordinates copy = new Coordinates(sent.topic(), sent.partition(), sent.offset());
            Republication republication = new Republication(origin, at, copy, Instant.now());
            await(producer.send(new ProducerRecord<>(REPUBLISHED_TOPIC, origin.toString().getBytes(StandardCharsets.UTF_8),
                    JSON.writeValueAsBytes(Map.of("origin", origin.toString(), "deadLetter", at.toString(),
                            "copy", copy.toString(), "at", republication.at().toString())))));
            done.put(origin.toString(), republication);
            outcomes.add(new Outcome(at, Optional.of(copy), "republished to " + copy + " (original " + origin + ")"));
        }
        return outcomes;
    }

    private void ensureMarkerTopic() {
        NewTopic topic = new NewTopic(REPUBLISHED_TOPIC, Optional.of(1), Optional.empty())
                .configs(Map.of(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT));
        try {
            admin.createTopics(List.of(topic)).all().get(ADMIN_TIMEOUT_SECONDS, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("could not create " + REPUBLISHED_TOPIC + ": " + e.getCause().getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + ADMIN_TIMEOUT_SECONDS + "s", e);
        }
    }

    /** The topic's records from the beginning to the end it has now. */
    private List<ConsumerRecord<byte[], byte[]>> readAll(String topic) {
        List<PartitionInfo> infos = consumer.partitionsFor(topic);
        if (infos == null || infos.isEmpty()) {
            throw new IllegalArgumentException("no topic " + topic);
        }
        List<TopicPartition> partitions = infos.stream().map(p -> new TopicPartition(topic, p.partition()))
                .sorted(Comparator.comparingInt(TopicPartition::partition)).toList();
        consumer.assign(partitions);
        consumer.seekToBeginning(partitions);
        Map<TopicPartition, Long> ends = consumer.endOffsets(partitions);
        List<ConsumerRecord<byte[], byte[]>> records = new ArrayList<>();
        Instant deadline = Instant.now().plus(READ_LIMIT);
        while (partitions.stream().anyMatch(p -> consumer.position(p) < ends.get(p))) {
            if (Instant.now().isAfter(deadline)) {
                throw new IllegalStateException("could not read " + topic + " to its end within " + READ_LIMIT.toSeconds() + "s");
            }
            for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                if (record.offset() < ends.get(new TopicPartition(record.topic(), record.partition()))) {
                    records.add(record);
                }
            }
        }
        consumer.unsubscribe();
        records.sort(Comparator.<ConsumerRecord<byte[], byte[]>>comparingInt(ConsumerRecord::partition)
                .thenComparingLong(ConsumerRecord::offset));
        return records;
    }

    /** The record at exactly these coordinates, if the topic still holds it. */
    private Optional<ConsumerRecord<byte[], byte[]>> fetch(Coordinates at) {
        TopicPartition partition = new TopicPartition(at.topic(), at.partition());
        List<PartitionInfo> infos = consumer.partitionsFor(at.topic());
        if (infos == null || infos.stream().noneMatch(p -> p.partition() == at.partition())) {
            return Optional.empty();
        }
        consumer.assign(List.of(partition));
        long end = consumer.endOffsets(List.of(partition)).get(partition);
        if (at.offset() >= end) {
            consumer.unsubscribe();
            return Optional.empty();
        }
        consumer.seek(partition, at.offset());
        Instant deadline = Instant.now().plus(READ_LIMIT);
        try {
            while (consumer.position(partition) < end) {
                if (Instant.now().isAfter(deadline)) {
                    throw new IllegalStateException("could not read " + at + " within " + READ_LIMIT.toSeconds() + "s");
                }
                for (ConsumerRecord<byte[], byte[]> record : consumer.poll(POLL)) {
                    if (record.offset() == at.offset()) {
                        return Optional.of(record);
                    }
                    if (record.offset() > at.offset()) {
                        return Optional.empty();
                    }
                }
            }
            return Optional.empty();
        } finally {
            consumer.unsubscribe();
        }
    }

    /** Admin and producer futures alike; a KafkaFuture is a Future. */
    private static <T> T await(Future<T> future) {
        try {
            return future.get(ADMIN_TIMEOUT_SECONDS * 2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted", e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e.getCause().getMessage(), e.getCause());
        } catch (TimeoutException e) {
            throw new IllegalStateException("Kafka did not answer within " + ADMIN_TIMEOUT_SECONDS * 2 + "s", e);
        }
    }

    @Override
    public void close() {
        producer.close();
        consumer.close();
        admin.close();
    }
}
