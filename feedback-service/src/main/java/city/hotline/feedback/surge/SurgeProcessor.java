package city.hotline.feedback.surge;

import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.contracts.SurgeDetected;
import city.hotline.contracts.SurgeEnded;
import city.hotline.contracts.SurgeGrew;
import city.hotline.support.kafka.EventCodec;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.processor.PunctuationType;
import org.apache.kafka.streams.processor.api.Processor;
import org.apache.kafka.streams.processor.api.ProcessorContext;
import org.apache.kafka.streams.processor.api.Record;
import org.apache.kafka.streams.state.KeyValueIterator;
import org.apache.kafka.streams.state.KeyValueStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Feeds each call to the {@link SurgeWatch} of its category and district (kept in the state store) and publishes
 * what it decides as envelopes keyed by surge id; every check interval of wall-clock time it asks every watch whether
 * its surges have ended, "now" being the service's clock.
 */
final class SurgeProcessor implements Processor<String, Call, String, String> {
  private static final Logger log = LoggerFactory.getLogger(SurgeProcessor.class);
  private final SurgeSettings settings;
  private final EventCodec codec;
  private final Clock clock;
  private final String producer;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, SurgeWatch> watches;

  SurgeProcessor(SurgeSettings settings, EventCodec codec, Clock clock, String producer) {
    this.settings = settings;
    this.codec = codec;
    this.clock = clock;
    this.producer = producer;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.watches = context.getStateStore(SurgeTopology.STORE);
    context.schedule(settings.checkInterval(), PunctuationType.WALL_CLOCK_TIME, wallClock -> check());
  }

  @Override
  public void process(Record<String, Call> record) {
    SurgeWatch watch = watches.get(record.key());
    if (watch == null) {
      watch = new SurgeWatch();
    }
    Instant now = clock.instant();
    List<Object> events = watch.onCall(record.value(), now, settings);
    watches.put(record.key(), watch);
    events.forEach(event -> publish(event, now));
  }

  private void check() {
    Instant now = clock.instant();
    List<KeyValue<String, SurgeWatch>> changed = new ArrayList<>();
    List<Object> events = new ArrayList<>();
    try (KeyValueIterator<String, SurgeWatch> all = watches.all()) {
      all.forEachRemaining(entry -> {
        List<Object> ended = entry.value.check(now, settings);
        if (!ended.isEmpty()) {
          changed.add(entry);
          events.addAll(ended);
        }
      });
    }
    changed.forEach(entry -> watches.put(entry.key, entry.value));
    events.forEach(event -> publish(event, now));
  }

  private void publish(Object payload, Instant now) {
    EventEnvelope<?> envelope = envelope(payload, now);
    if (payload instanceof SurgeGrew) {
      log.debug("{} surgeId={}", envelope.eventType(), envelope.ticketId());
    } else {
      log.info("{} surgeId={}", envelope.eventType(), envelope.ticketId());
    }
    context.forward(new Record<>(envelope.ticketId(), codec.encode(envelope), now.toEpochMilli()));
  }

  private EventEnvelope<?> envelope(Object payload, Instant now) {
    if (payload instanceof SurgeDetected detected) {
      return EventEnvelope.of(EventType.SURGE_DETECTED, detected.surgeId(), producer, now, detected);
    }
    if (payload instanceof SurgeGrew grew) {
      return EventEnvelope.of(EventType.SURGE_GREW, grew.surgeId(), producer, now, grew);
    }
    SurgeEnded ended = (SurgeEnded) payload;
    return EventEnvelope.of(EventType.SURGE_ENDED, ended.surgeId(), producer, now, ended);
  }
}
