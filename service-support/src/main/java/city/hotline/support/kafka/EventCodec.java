package city.hotline.support.kafka;

import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.UUID;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Writes and reads the event envelope; a tolerant reader that refuses only what it cannot understand. */
@Component
public class EventCodec {
  private final JsonMapper json;

  /** The envelope without its payload, which is read once, straight into its own type. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  record Header(UUID eventId, String eventType, int schemaVersion, Instant occurredAt, String ticketId,
      String producer) {}

  public EventCodec(JsonMapper json) {
    this.json = json;
  }

  public String encode(EventEnvelope<?> event) {
    return json.writeValueAsString(event);
  }

  private static String path(JacksonException e) {
    return e.getPath().stream()
        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
        .reduce((a, b) -> a + "." + b)
        .orElse("(root)");
  }

  /** @throws EventRejectedException for malformed JSON, an unknown event type, or a schema version newer than ours */
  public EventEnvelope<?> decode(String text) {
    JsonNode tree;
    try {
      tree = json.readTree(text);
    } catch (JacksonException e) {
      throw new EventRejectedException("malformed event JSON", e);
    }
    String typeName = tree.path("eventType").asString("");
    EventType type = EventType.fromWireName(typeName)
        .orElseThrow(() -> new EventRejectedException("unknown event type '" + typeName + "'", null));
    int version = tree.path("schemaVersion").asInt(0);
    if (version < 1 || version > type.schemaVersion()) {
      throw new EventRejectedException(
          typeName + " schema version " + version + " is not one this reader knows (up to " + type.schemaVersion() + ")", null);
    }
    try {
      Header raw = json.treeToValue(tree, Header.class);
      Object payload = json.treeToValue(tree.path("payload"), type.payloadType());
      if (raw.eventId() == null || raw.ticketId() == null || raw.occurredAt() == null || payload == null) {
        throw new EventRejectedException(typeName + " lacks eventId, ticketId, occurredAt or payload", null);
      }
      return new EventEnvelope<>(raw.eventId(), raw.eventType(), raw.schemaVersion(), raw.occurredAt(),
          raw.ticketId(), raw.producer(), payload);
    } catch (JacksonException e) {
      // The path, never the value: a value may be a caller's name or phone, and this message lands in logs and headers.
      throw new EventRejectedException(typeName + " does not match its contract at " + path(e), e);
    }
  }
}
