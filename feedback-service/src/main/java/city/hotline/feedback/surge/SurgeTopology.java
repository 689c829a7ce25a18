package city.hotline.feedback.surge;

import city.hotline.support.kafka.EventCodec;
import city.hotline.support.kafka.EventRejectedException;
import io.micrometer.core.instrument.Counter;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import org.apache.kafka.common.config.TopicConfig;
import org.apache.kafka.common.serialization.Serde;
import org.apache.kafka.common.serialization.Serdes;
import org.apache.kafka.streams.KeyValue;
import org.apache.kafka.streams.StreamsBuilder;
import org.apache.kafka.streams.Topology;
import org.apache.kafka.streams.kstream.Consumed;
import org.apache.kafka.streams.kstream.Named;
import org.apache.kafka.streams.kstream.Produced;
import org.apache.kafka.streams.kstream.Repartitioned;
import org.apache.kafka.streams.state.Stores;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import tools.jackson.databind.json.JsonMapper;

/**
 * intake topic → the calls that count, re-keyed by category|district (repartition topic {@code <app>-calls-repartition})
 * → {@link SurgeProcessor} with its watches in an in-memory store logged to {@code <app>-surge-watches-changelog}
 * (and the earliest call each task counted in {@code surge-observed})
 * → the surge topic, keyed by surge id.
 */
final class SurgeTopology {
  static final String STORE = "surge-watches";
  /** The earliest call each task has counted: how far back its baseline knows the weeks. */
  static final String OBSERVED = "surge-observed";
  private static final Logger log = LoggerFactory.getLogger(SurgeTopology.class);

  private SurgeTopology() {}

  /**
   * @param json the mapper for the repartitioned calls and the stored watches
   * @param producer the envelopes' producer, this service
   * @param failures counts the calls that could not be counted
   */
  static Topology build(SurgeSettings settings, String intakeTopic, String surgeTopic, EventCodec codec,
      JsonMapper json, Clock clock, String producer, Counter failures) {
    // Compacted often, so a restore after a crash reads about one value per key, not every write since.
    Map<String, String> changelog = Map.of(TopicConfig.SEGMENT_MS_CONFIG,
        String.valueOf(settings.changelogSegment().toMillis()), TopicConfig.MIN_CLEANABLE_DIRTY_RATIO_CONFIG,
        String.valueOf(settings.changelogDirtyRatio()));
    StreamsBuilder builder = new StreamsBuilder();
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(STORE), Serdes.String(),
        serde(json, SurgeWatch.class)).withLoggingEnabled(changelog));
    builder.addStateStore(Stores.keyValueStoreBuilder(Stores.inMemoryKeyValueStore(OBSERVED), Serdes.String(),
        Serdes.Long()).withLoggingEnabled(changelog));
    builder.stream(intakeTopic, Consumed.with(Serdes.String(), Serdes.String()).withName("intake"))
        .flatMap((ticketId, value) -> calls(value, codec, settings), Named.as("calls"))
        .repartition(Repartitioned.with(Serdes.String(), serde(json, Call.class)).withName("calls"))
        .process(() -> new SurgeProcessor(settings, codec, clock, producer, failures), Named.as("surges"),
            STORE, OBSERVED)
        .to(surgeTopic, Produced.with(Serdes.String(), Serdes.String()).withName("surge-events"));
    return builder.build();
  }

  /** The call a record registers, under its key; none for any other event. */
  private static List<KeyValue<String, Call>> calls(String value, EventCodec codec, SurgeSettings settings) {
    if (value == null) {
      return List.of();
    }
    try {
      return Call.of(codec.decode(value), settings.cellDegrees()).map(call -> KeyValue.pair(call.key(), call))
          .stream().toList();
    } catch (EventRejectedException e) {
      // The statistics listener dead-letters it; here it simply does not count.
      log.warn("surge detection skips an event it cannot read: {}", e.getMessage());
      return List.of();
    }
  }

  static <T> Serde<T> serde(JsonMapper json, Class<T> type) {
    return Serdes.serdeFrom((topic, value) -> value == null ? null : json.writeValueAsBytes(value),
        (topic, bytes) -> bytes == null ? null : json.readValue(bytes, type));
  }
}
