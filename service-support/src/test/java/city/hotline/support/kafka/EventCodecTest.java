package city.hotline.support.kafka;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class EventCodecTest {
  private final EventCodec codec = new EventCodec(JsonMapper.builder().build());
  private final CaseFacts facts = new CaseFacts("JIANGAN", "SANITATION", "NORMAL", "JIANGAN_CGJ");

  @Test
  void anEventSurvivesTheRoundTripWithItsTypedPayload() {
    EventEnvelope<CaseResolved> event = EventEnvelope.of(EventType.CASE_RESOLVED, "WH20261123000001",
        "dispatch-service", Instant.parse("2026-11-23T02:00:00Z"), new CaseResolved(facts, "bureau", "已处理", true, null, null));

    EventEnvelope<?> read = codec.decode(codec.encode(event));

    assertThat(read).isEqualTo(event);
    assertThat(read.payload()).isInstanceOf(CaseResolved.class);
  }

  @Test
  void fieldsAddedByANewerProducerAreIgnored() {
    String json = """
        {"eventId":"7f0c8c6e-6f3b-4b39-9a51-1d3c1b7f3a11","eventType":"CaseResolved","schemaVersion":1,
         "occurredAt":"2026-11-23T02:00:00Z","ticketId":"WH20261123000001","producer":"dispatch-service","traceId":"x",
         "payload":{"facts":{"district":"JIANGAN","category":"SANITATION","urgency":"NORMAL","unitId":"U","street":"S"},
                    "actor":"bureau","reply":"ok","onTime":true,"attachments":[]}}
        """;
    CaseResolved payload = (CaseResolved) codec.decode(json).payload();
    assertThat(payload.reply()).isEqualTo("ok");
    assertThat(payload.facts().unitId()).isEqualTo("U");
  }

  @Test
  void malformedJsonIsRejected() {
    assertThatThrownBy(() -> codec.decode("{not json")).isInstanceOf(EventRejectedException.class)
        .hasMessageContaining("malformed");
  }

  @Test
  void anUnknownEventTypeIsRejected() {
    assertThatThrownBy(() -> codec.decode("{\"eventType\":\"CaseTeleported\",\"schemaVersion\":1}"))
        .isInstanceOf(EventRejectedException.class).hasMessageContaining("CaseTeleported");
  }

  @Test
  void aSchemaVersionNewerThanTheReaderKnowsIsRejected() {
    assertThatThrownBy(() -> codec.decode("{\"eventType\":\"CaseResolved\",\"schemaVersion\":2}"))
        .isInstanceOf(EventRejectedException.class).hasMessageContaining("schema version 2");
  }

  @Test
  void anEventWithoutTicketIdIsRejected() {
    String json = "{\"eventId\":\"7f0c8c6e-6f3b-4b39-9a51-1d3c1b7f3a11\",\"eventType\":\"CaseResolved\",\"schemaVersion\":1,\"payload\":{}}";
    assertThatThrownBy(() -> codec.decode(json)).isInstanceOf(EventRejectedException.class);
  }
}
