package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;

/**
 * The one envelope every event travels in (SPEC §6). The Kafka key is {@code ticketId}, so one
 * case's events stay in order on one partition.
 *
 * @param <P> the payload record named by {@code eventType}
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record EventEnvelope<P>(
    UUID eventId,
    String eventType,
    int schemaVersion,
    Instant occurredAt,
    String ticketId,
    String producer,
    P payload) {

  public static <P> EventEnvelope<P> of(
      EventType type, String ticketId, String producer, Instant occurredAt, P payload) {
    if (!type.payloadType().isInstance(payload)) {
      throw new IllegalArgumentException(type.wireName() + " carries " + type.payloadType().getSimpleName());
    }
    return new EventEnvelope<>(
        UUID.randomUUID(), type.wireName(), type.schemaVersion(), occurredAt, ticketId, producer, payload);
  }

  /**
   * An event a consumer publishes because of another event. Its id follows from the cause, so a consumer
   * that processes the cause again with no memory of having done so (its database restored from a backup)
   * publishes the same event id again, which every reader already treats as a redelivery.
   */
  public static <P> EventEnvelope<P> causedBy(
      EventEnvelope<?> cause, EventType type, String producer, Instant occurredAt, P payload) {
    EventEnvelope<P> event = of(type, cause.ticketId(), producer, occurredAt, payload);
    UUID id = UUID.nameUUIDFromBytes((cause.eventId() + "|" + type.wireName()).getBytes(StandardCharsets.UTF_8));
    return new EventEnvelope<>(id, event.eventType(), event.schemaVersion(), occurredAt, event.ticketId(), producer,
        payload);
  }
}
