package city.hotline.feedback.surge;

import city.hotline.support.HotlineProperties;
import city.hotline.support.kafka.EventCodec;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Properties;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.autoconfigure.condition.ConditionalOnBooleanProperty;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs surge detection (突发预警) as a Kafka Streams application inside the service, from start to stop; every
 * replica takes a share of the partitions. Off with {@code hotline.surge.enabled=false}. Its meters are
 * {@code kafka.stream.*}.
 */
@Component
@ConditionalOnBooleanProperty(name = "hotline.surge.enabled", matchIfMissing = true)
class SurgeStreams implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SurgeStreams.class);
  /** A clean close commits the last transaction; longer than that and the next start aborts it instead. */
  private static final Duration CLOSE_TIMEOUT = Duration.ofSeconds(10);
  private final SurgeSettings settings;
  private final KafkaProperties kafka;
  private final HotlineProperties hotline;
  private final String intakeTopic;
  private final String surgeTopic;
  private final EventCodec codec;
  private final JsonMapper json;
  private final Clock clock;
  private final MeterRegistry meters;
  private KafkaStreams streams;
  private KafkaStreamsMetrics metrics;
  private Path temporaryStateDir;

  SurgeStreams(SurgeSettings settings, KafkaProperties kafka, HotlineProperties hotline,
      @Value("${hotline.topics.intake}") String intakeTopic, @Value("${hotline.topics.surge}") String surgeTopic,
      EventCodec codec, JsonMapper json, Clock clock, MeterRegistry meters) {
    this.settings = settings;
    this.kafka = kafka;
    this.hotline = hotline;
    this.intakeTopic = intakeTopic;
    this.surgeTopic = surgeTopic;
    this.codec = codec;
    this.json = json;
    this.clock = clock;
    this.meters = meters;
  }

  @Override
  public synchronized void start() {
    if (streams != null) {
      return;
    }
    streams = new KafkaStreams(SurgeTopology.build(settings, intakeTopic, surgeTopic, codec, json, clock,
        hotline.serviceName()), config());
    streams.setStateListener((now, before) -> log.info("surge detection state={} was={}", now, before));
    streams.setUncaughtExceptionHandler(error -> {
      log.error("surge detection failed, starting its thread again", error);
      return StreamThreadExceptionResponse.REPLACE_THREAD;
    });
    // Tagged like spring-kafka's client meters, so Prometheus takes the same meter names from both.
    metrics = new KafkaStreamsMetrics(streams, Tags.of("spring.id", settings.applicationId()));
    metrics.bindTo(meters);
    streams.start();
  }

  private Properties config() {
    Properties config = new Properties();
    config.putAll(kafka.buildStreamsProperties()); // bootstrap servers, and security settings if any
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) hotline.kafka().replicationFactor());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir());
    return config;
  }

  private String stateDir() {
    if (settings.stateDir() != null && !settings.stateDir().isBlank()) {
      return settings.stateDir();
    }
    try {
      temporaryStateDir = Files.createTempDirectory("hotline-surges-");
      return temporaryStateDir.toString();
    } catch (IOException e) {
      throw new UncheckedIOException("no temporary directory for surge detection's state", e);
    }
  }

  @Override
  public synchronized void stop() {
    if (streams == null) {
      return;
    }
    metrics.close();
    boolean closed = streams.close(CLOSE_TIMEOUT);
    if (closed && temporaryStateDir != null) {
      streams.cleanUp();
      temporaryStateDir.toFile().delete();
      temporaryStateDir = null;
    }
    streams = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return streams != null;
  }
}
