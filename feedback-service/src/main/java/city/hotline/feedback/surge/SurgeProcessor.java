package city.hotline.feedback.surge;

import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.contracts.SurgeDetected;
import city.hotline.contracts.SurgeEnded;
import city.hotline.contracts.SurgeGrew;
import city.hotline.support.kafka.EventCodec;
import io.micrometer.core.instrument.Counter;
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
 * its surges have ended, "now" being the service's clock. A call it cannot count is logged (key and ticket only),
 * counted on {@code hotline.surge.failures} and skipped: one bad record must not stop detection.
 */
final class SurgeProcessor implements Processor<String, Call, String, String> {
  private static final Logger log = LoggerFactory.getLogger(SurgeProcessor.class);
  /** The earliest call this task counted, under this key of the observed store. */
  static final String SINCE = "since";
  private final SurgeSettings settings;
  private final EventCodec codec;
  private final Clock clock;
  private final String producer;
  private final Counter failures;
  private ProcessorContext<String, String> context;
  private KeyValueStore<String, SurgeWatch> watches;
  private KeyValueStore<String, Long> observed;
  /** Until a window after the task started, it may still be reading its backlog: no surge ends before. */
  private Instant caughtUpAt;

  SurgeProcessor(SurgeSettings settings, EventCodec codec, Clock clock, String producer, Counter failures) {
    this.settings = settings;
    this.codec = codec;
    this.clock = clock;
    this.producer = producer;
    this.failures = failures;
  }

  @Override
  public void init(ProcessorContext<String, String> context) {
    this.context = context;
    this.watches = context.getStateStore(SurgeTopology.STORE);
    this.observed = context.getStateStore(SurgeTopology.OBSERVED);
    this.caughtUpAt = clock.instant().plus(settings.window());
    context.schedule(settings.checkInterval(), PunctuationType.WALL_CLOCK_TIME, wallClock -> check());
  }

  @Override
  public void process(Record<String, Call> record) {
    try {
      count(record.key(), record.value());
    } catch (RuntimeException e) {
      failures.increment();
      log.error("surge detection skips a call it cannot count: key={} ticketId={}", record.key(),
          record.value() == null ? null : record.value().ticketId(), e);
    }
  }

  private void count(String key, Call received) {
    Instant now = clock.instant();
    Call call = received.notAfter(now.plus(settings.clockSkew()));
    SurgeWatch watch = watches.get(key);
    if (watch == null) {
      watch = new SurgeWatch();
    } else if (watch.counted(call)) {
      return; // delivered again: nothing changes, nothing is written
    }
    List<Object> events = watch.onCall(call, new Observation(now, observedSince(call), now.isAfter(caughtUpAt)),
        settings);
    watches.put(key, watch);
    events.forEach(event -> publish(event, now));
  }

  /** The earliest call this task has counted, this one included. */
  private Instant observedSince(Call call) {
    Long since = observed.get(SINCE);
    if (since == null || call.at().toEpochMilli() < since) {
      observed.put(SINCE, call.at().toEpochMilli());
      return call.at();
    }
    return Instant.ofEpochMilli(since);
  }

  private void check() {
    Instant now = clock.instant();
    if (!now.isAfter(caughtUpAt)) {
      return;
    }
    Observation seen = new Observation(now, null, true);
    List<KeyValue<String, SurgeWatch>> changed = new ArrayList<>();
    List<Object> events = new ArrayList<>();
    try (KeyValueIterator<String, SurgeWatch> all = watches.all()) {
      all.forEachRemaining(entry -> {
        try {
          List<Object> ended = entry.value.check(seen, settings);
          if (!ended.isEmpty()) {
            changed.add(entry);
            events.addAll(ended);
          }
        } catch (RuntimeException e) {
          failures.increment();
          log.error("surge detection cannot check key={}", entry.key, e);
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
