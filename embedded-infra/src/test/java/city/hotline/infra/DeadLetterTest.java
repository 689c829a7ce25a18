package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.infra.DeadLetter.Coordinates;
import city.hotline.infra.DeadLetters.Republication;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;

class DeadLetterTest {

    private static final String ENVELOPE = """
            {"eventId":"6f1c0d1e-0000-4000-8000-000000000001","eventType":"ComplaintRegistered","schemaVersion":99,
             "occurredAt":"2026-11-22T08:00:00Z","ticketId":"WH20261122000123","producer":"intake-service",
             "payload":{"callerName":"张伟","callerPhone":"13900001111"}}""";

    private static ConsumerRecord<byte[], byte[]> deadLetter(String value) {
        ConsumerRecord<byte[], byte[]> record = new ConsumerRecord<>("hotline.dispatch-service.dlt", 2, 17L,
                "WH20261122000123".getBytes(StandardCharsets.UTF_8), value == null ? null : value.getBytes(StandardCharsets.UTF_8));
        record.headers()
                .add(DeadLetter.ORIGINAL_TOPIC, "hotline.intake.events".getBytes(StandardCharsets.UTF_8))
                .add(DeadLetter.ORIGINAL_PARTITION, ByteBuffer.allocate(4).putInt(3).array())
                .add(DeadLetter.ORIGINAL_OFFSET, ByteBuffer.allocate(8).putLong(41L).array())
                .add(DeadLetter.ORIGINAL_CONSUMER_GROUP, "dispatch-service".getBytes(StandardCharsets.UTF_8))
                .add(DeadLetter.EXCEPTION_FQCN,
                        "org.springframework.kafka.listener.ListenerExecutionFailedException".getBytes(StandardCharsets.UTF_8))
                .add(DeadLetter.EXCEPTION_CAUSE_FQCN,
                        "city.hotline.support.kafka.EventRejectedException".getBytes(StandardCharsets.UTF_8))
                .add(DeadLetter.EXCEPTION_MESSAGE, ("Listener method 'void city.hotline.dispatch.casework.CaseEventsListener.on("
                        + "org.apache.kafka.clients.consumer.ConsumerRecord<java.lang.String, java.lang.String>)' threw exception;"
                        + " ComplaintRegistered schema version 99 is not one\n"
                        + "this reader knows (up to 1)").getBytes(StandardCharsets.UTF_8));
        return record;
    }

    @Test
    void aDeadLetterIsReadFromTheRecoverersHeaders() {
        DeadLetter letter = DeadLetter.of(deadLetter(ENVELOPE));

        assertThat(letter.at()).isEqualTo(new Coordinates("hotline.dispatch-service.dlt", 2, 17));
        assertThat(letter.origin()).contains(new Coordinates("hotline.intake.events", 3, 41));
        assertThat(letter.consumerGroup()).isEqualTo("dispatch-service");
        assertThat(letter.key()).isEqualTo("WH20261122000123");
        assertThat(letter.exceptionClass()).isEqualTo("city.hotline.support.kafka.EventRejectedException");
        assertThat(letter.reason()).isEqualTo(
                "ComplaintRegistered schema version 99 is not one this reader knows (up to 1)");
        assertThat(letter.republishedFrom()).isEmpty();
        assertThat(letter.line()).isEqualTo("hotline.dispatch-service.dlt:2:17  hotline.intake.events:3:41"
                + "  group=dispatch-service  key=WH20261122000123  EventRejectedException:"
                + " ComplaintRegistered schema version 99 is not one this reader knows (up to 1)"
                + "  [eventType=ComplaintRegistered schemaVersion=99 eventId=6f1c0d1e-0000-4000-8000-000000000001, "
                + ENVELOPE.getBytes(StandardCharsets.UTF_8).length + " bytes]");
    }

    @Test
    void theLineNeverShowsTheValuesContent() {
        String line = DeadLetter.of(deadLetter(ENVELOPE)).line();
        assertThat(line).doesNotContain("张伟").doesNotContain("13900001111").doesNotContain("payload");

        assertThat(DeadLetter.of(deadLetter("{not json 张伟 13900001111")).line())
                .endsWith("[not JSON, " + "{not json 张伟 13900001111".getBytes(StandardCharsets.UTF_8).length + " bytes]")
                .doesNotContain("张伟");
        assertThat(DeadLetter.preview("[\"13900001111\"]".getBytes(StandardCharsets.UTF_8)))
                .isEqualTo("JSON but not an object, 15 bytes");
        assertThat(DeadLetter.preview("{\"eventType\":{\"callerName\":\"张伟\"}}".getBytes(StandardCharsets.UTF_8)))
                .startsWith("eventType=(object) schemaVersion=- eventId=-").doesNotContain("张伟");
        assertThat(DeadLetter.preview(null)).isEqualTo("no value");
    }

    @Test
    void withoutTheHeadersTheOriginIsUnknown() {
        ConsumerRecord<byte[], byte[]> bare = new ConsumerRecord<>("x.dlt", 0, 0L, null, "{}".getBytes(StandardCharsets.UTF_8));
        DeadLetter letter = DeadLetter.of(bare);
        assertThat(letter.origin()).isEmpty();
        assertThat(letter.line()).isEqualTo(
                "x.dlt:0:0  (origin unknown)  group=-  key=-  (no exception):   [eventType=- schemaVersion=- eventId=-, 2 bytes]");
    }

    @Test
    void aRepublishedCopyThatFailedAgainSaysWhereItCameFrom() {
        ConsumerRecord<byte[], byte[]> again = deadLetter(ENVELOPE);
        again.headers().add(DeadLetter.REPUBLISHED_FROM, "hotline.dispatch-service.dlt:0:5".getBytes(StandardCharsets.UTF_8));
        assertThat(DeadLetter.of(again).line()).endsWith("  (a republished copy of hotline.dispatch-service.dlt:0:5)");
    }

    @Test
    void theListingMarksDeadLettersWhoseOriginalWasRepublished() {
        DeadLetter letter = DeadLetter.of(deadLetter(ENVELOPE));
        Instant at = Instant.parse("2026-11-22T09:00:00Z");
        Coordinates copy = new Coordinates("hotline.intake.events", 3, 99);

        assertThat(DeadLetters.describe(letter, Map.of())).isEqualTo(letter.line());
        assertThat(DeadLetters.describe(letter, Map.of("hotline.intake.events:3:41",
                new Republication(letter.origin().get(), letter.at(), copy, at))))
                .endsWith("  REPUBLISHED as hotline.intake.events:3:99 at 2026-11-22T09:00:00Z");
        Coordinates sibling = new Coordinates("hotline.feedback-service.dlt", 0, 4);
        assertThat(DeadLetters.describe(letter, Map.of("hotline.intake.events:3:41",
                new Republication(letter.origin().get(), sibling, copy, at))))
                .endsWith("  REPUBLISHED (from hotline.feedback-service.dlt:0:4) as hotline.intake.events:3:99 at 2026-11-22T09:00:00Z");
    }

    @Test
    void aMessageWithoutTheListenerWrapperIsKeptWhole() {
        assertThat(DeadLetter.reason("malformed event JSON")).isEqualTo("malformed event JSON");
        assertThat(DeadLetter.reason("Listener method 'x' threw exception; malformed event JSON")).isEqualTo("malformed event JSON");
        assertThat(DeadLetter.reason("Listener method 'x' failed")).isEqualTo("Listener method 'x' failed");
    }

    @Test
    void coordinatesAreTopicPartitionOffset() {
        assertThat(Coordinates.parse(" hotline.intake-service.dlt:4:1234 "))
                .isEqualTo(new Coordinates("hotline.intake-service.dlt", 4, 1234));
        assertThat(new Coordinates("a.dlt", 1, 2)).hasToString("a.dlt:1:2");
        assertThatThrownBy(() -> Coordinates.parse("a.dlt:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Coordinates.parse("a.dlt:x:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Coordinates.parse(":1:1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Coordinates.parse("a.dlt:-1:1")).isInstanceOf(IllegalArgumentException.class);
        assertThat(Optional.of(Coordinates.parse("a:0:0"))).isPresent();
    }
}
