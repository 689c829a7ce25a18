package city.hotline.infra;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.util.Objects;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * One record of a dead-letter topic, as {@code ./hotline dead-letters list} shows it: where it is, where it came from
 * (the {@code kafka_dlt-original-*} headers Spring Kafka's recoverer adds), which consumer group gave up on it and why.
 * The value itself is never shown, only the envelope's {@code eventType}, {@code schemaVersion} and {@code eventId}
 * and its size: a payload may hold a caller's name and phone.
 *
 * @param at             the dead letter itself
 * @param origin         the record that failed, empty if the headers do not say
 * @param consumerGroup  the consumer group that dead-lettered it, or "" if the headers do not say
 * @param key            the Kafka key (the ticket id), or null
 * @param exceptionClass the exception's cause class (the listener's wrapper is skipped), or ""
 * @param reason         the exception message without the listener wrapper's preamble, on one line and shortened
 * @param preview        what the value is, without its content
 * @param republishedFrom when this record is itself a republished dead letter that failed again: the earlier dead letter
 */
public record DeadLetter(
        Coordinates at,
        Optional<Coordinates> origin,
        String consumerGroup,
        String key,
        String exceptionClass,
        String reason,
        String preview,
        Optional<String> republishedFrom) {

    public static final String ORIGINAL_TOPIC = "kafka_dlt-original-topic";
    public static final String ORIGINAL_PARTITION = "kafka_dlt-original-partition";
    public static final String ORIGINAL_OFFSET = "kafka_dlt-original-offset";
    public static final String ORIGINAL_CONSUMER_GROUP = "kafka_dlt-original-consumer-group";
    public static final String EXCEPTION_MESSAGE = "kafka_dlt-exception-message";
    public static final String EXCEPTION_FQCN = "kafka_dlt-exception-fqcn";
    public static final String EXCEPTION_CAUSE_FQCN = "kafka_dlt-exception-cause-fqcn";
    /** Every header the recoverer adds starts with this; a republished record goes back without them. */
    public static final String DLT_HEADER_PREFIX = "kafka_dlt-";
    /** Added to a republished record: the dead letter it was copied from, as {@code topic:partition:offset}. */
    public static final String REPUBLISHED_FROM = "hotline-republished-from";

    static final int REASON_MAX = 200;
    private static final String LISTENER_WRAPPER = "Listener method '";
    private static final String WRAPPER_END = "' threw exception; ";
    static final int EVENT_TYPE_MAX = 40;
    private static final JsonMapper JSON = JsonMapper.builder().build();

    public DeadLetter {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(origin, "origin");
        Objects.requireNonNull(republishedFrom, "republishedFrom");
    }

    /** Where a record is: {@code topic:partition:offset}. Topic names cannot hold a colon, so the text is unambiguous. */
    public record Coordinates(String topic, int partition, long offset) {
        public Coordinates {
            Objects.requireNonNull(topic, "topic");
        }

        /** @throws IllegalArgumentException unless the text is {@code topic:partition:offset} */
        public static Coordinates parse(String text) {
            String[] parts = text.trim().split(":", -1);
            if (parts.length != 3 || parts[0].isEmpty()) {
                throw new IllegalArgumentException("not TOPIC:PARTITION:OFFSET: " + text);
            }
            try {
                int partition = Integer.parseInt(parts[1]);
                long offset = Long.parseLong(parts[2]);
                if (partition < 0 || offset < 0) {
                    throw new IllegalArgumentException("partition and offset cannot be negative: " + text);
                }
                return new Coordinates(parts[0], partition, offset);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not TOPIC:PARTITION:OFFSET: " + text, e);
            }
        }

        public static Coordinates of(ConsumerRecord<?, ?> record) {
            return new Coordinates(record.topic(), record.partition(), record.offset());
        }

        @Override
        public String toString() {
            return topic + ":" + partition + ":" + offset;
        }
    }

    public static DeadLetter of(ConsumerRecord<byte[], byte[]> record) {
        Headers headers = record.headers();
        String cause = text(headers, EXCEPTION_CAUSE_FQCN);
        return new DeadLetter(
                Coordinates.of(record),
                origin(headers),
                text(headers, ORIGINAL_CONSUMER_GROUP),
                record.key() == null ? null : new String(record.key(), StandardCharsets.UTF_8),
                cause.isEmpty() ? text(headers, EXCEPTION_FQCN) : cause,
                oneLine(reason(text(headers, EXCEPTION_MESSAGE)), REASON_MAX),
                preview(record.value()),
                Optional.ofNullable(headers.lastHeader(REPUBLISHED_FROM)).map(h -> utf8(h.value())));
    }

    /**
     * {@code <dlt>:<p>:<o>  <origin>:<p>:<o>  group=<g>  key=<ticket>  <exception>: <reason>  [<preview>]}; the
     * republication marker, if any, is appended by the command.
     */
    public String line() {
        return at + "  " + origin.map(Coordinates::toString).orElse("(origin unknown)")
                + "  group=" + (consumerGroup.isEmpty() ? "-" : consumerGroup)
                + "  key=" + (key == null ? "-" : key)
                + "  " + (exceptionClass.isEmpty() ? "(no exception)" : simpleName(exceptionClass))
                + ": " + reason
                + "  [" + preview + "]"
                + republishedFrom.map(from -> "  (a republished copy of " + from + ")").orElse("");
    }

    /** The size and, for an envelope, its eventType, schemaVersion and eventId; never the content. */
    static String preview(byte[] value) {
        if (value == null) {
            return "no value";
        }
        String size = value.length + " bytes";
        JsonNode tree;
        try {
            tree = JSON.readTree(value);
        } catch (JacksonException e) {
            return "not JSON, " + size;
        }
        if (tree == null || !tree.isObject()) {
            return "JSON but not an object, " + size;
        }
        StringBuilder out = new StringBuilder();
        out.append("eventType=").append(field(tree, "eventType", EVENT_TYPE_MAX));
        out.append(" schemaVersion=").append(field(tree, "schemaVersion", 12));
        out.append(" eventId=").append(field(tree, "eventId", 40));
        return out.append(", ").append(size).toString();
    }

    private static String field(JsonNode tree, String name, int max) {
        JsonNode node = tree.get(name);
        if (node == null || node.isNull()) {
            return "-";
        }
        if (!node.isValueNode()) {
            return "(" + node.getNodeType().name().toLowerCase() + ")";
        }
        return oneLine(node.asString(""), max);
    }

    private static Optional<Coordinates> origin(Headers headers) {
        Header topic = headers.lastHeader(ORIGINAL_TOPIC);
        Header partition = headers.lastHeader(ORIGINAL_PARTITION);
        Header offset = headers.lastHeader(ORIGINAL_OFFSET);
        if (topic == null || partition == null || offset == null
                || partition.value().length != Integer.BYTES || offset.value().length != Long.BYTES) {
            return Optional.empty();
        }
        return Optional.of(new Coordinates(utf8(topic.value()), ByteBuffer.wrap(partition.value()).getInt(),
                ByteBuffer.wrap(offset.value()).getLong()));
    }

    private static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? "" : utf8(header.value());
    }

    private static String utf8(byte[] bytes) {
        return new String(bytes, StandardCharsets.UTF_8);
    }

    /** The recoverer's message without the listener wrapper's "Listener method '...' threw exception; ". */
    static String reason(String message) {
        int cut = message.startsWith(LISTENER_WRAPPER) ? message.indexOf(WRAPPER_END) : -1;
        return cut < 0 ? message : message.substring(cut + WRAPPER_END.length());
    }

    static String oneLine(String text, int max) {
        String flat = text.replaceAll("\\s+", " ").trim();
        return flat.length() <= max ? flat : flat.substring(0, max - 1) + "…";
    }

    private static String simpleName(String className) {
        return className.substring(className.lastIndexOf('.') + 1);
    }
}
