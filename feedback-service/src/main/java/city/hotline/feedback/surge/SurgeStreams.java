package city.hotline.feedback.surge;

import city.hotline.support.HotlineProperties;
import city.hotline.support.kafka.EventCodec;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Tags;
import io.micrometer.core.instrument.binder.kafka.KafkaStreamsMetrics;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Comparator;
import java.util.Properties;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.apache.kafka.streams.KafkaStreams;
import org.apache.kafka.streams.KafkaStreams.State;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.errors.LogAndContinueExceptionHandler;
import org.apache.kafka.streams.errors.LogAndContinueProcessingExceptionHandler;
import org.apache.kafka.streams.errors.StreamsUncaughtExceptionHandler.StreamThreadExceptionResponse;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.kafka.autoconfigure.KafkaProperties;
import org.springframework.context.SmartLifecycle;
import org.springframework.stereotype.Component;
import tools.jackson.databind.json.JsonMapper;

/**
 * Runs surge detection (突发预警) as a Kafka Streams application inside the service, from start to stop; every
 * replica takes a share of the partitions. Off with {@code hotline.surge.enabled=false}. Its meters are
 * {@code kafka.stream.*}, {@code hotline.surge.failures} (calls it skipped) and {@code hotline.surge.detection.running}
 * (1 while running or rebalancing, else 0: a stopped detection raises an ops alert instead of going unseen).
 */
@Component
class SurgeStreams implements SmartLifecycle {
  private static final Logger log = LoggerFactory.getLogger(SurgeStreams.class);
  private final SurgeSettings settings;
  private final KafkaProperties kafka;
  private final HotlineProperties hotline;
  private final String intakeTopic;
  private final String surgeTopic;
  private final EventCodec codec;
  private final JsonMapper json;
  private final Clock clock;
  private final MeterRegistry meters;
  private final Counter failures;
  private final AtomicInteger restarts = new AtomicInteger();
  private volatile Instant lastFailure = Instant.MIN;
  private volatile KafkaStreams streams;
  private KafkaStreamsMetrics metrics;
  private Path stateDir;

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
    this.failures = Counter.builder("hotline.surge.failures")
        .description("Calls surge detection could not count and skipped").register(meters);
  }

  @Override
  public synchronized void start() {
    if (streams != null) {
      return;
    }
    if (!settings.enabled()) {
      log.info("surge detection is off (hotline.surge.enabled=false)");
      return;
    }
    streams = new KafkaStreams(SurgeTopology.build(settings, intakeTopic, surgeTopic, codec, json, clock,
        hotline.serviceName(), failures), config());
    streams.setStateListener((now, before) -> log.info("surge detection state={} was={}", now, before));
    streams.setUncaughtExceptionHandler(this::onThreadFailed);
    Gauge.builder("hotline.surge.detection.running", this, SurgeStreams::running)
        .description("1 while surge detection runs (or rebalances), 0 when it has stopped").register(meters);
    // Tagged like spring-kafka's client meters, so Prometheus takes the same meter names from both.
    metrics = new KafkaStreamsMetrics(streams, Tags.of("spring.id", settings.applicationId()));
    metrics.bindTo(meters);
    streams.start();
  }

  /** A thread is replaced, unless it failed too often in a row: then detection stops and its gauge says so. */
  private StreamThreadExceptionResponse onThreadFailed(Throwable error) {
    Instant now = clock.instant();
    int inRow = now.isAfter(lastFailure.plus(settings.restartPeriod())) ? 1 : restarts.get() + 1;
    restarts.set(inRow);
    lastFailure = now;
    if (inRow > settings.maxRestarts()) {
      log.error("surge detection failed {} times in a row, stopping it", inRow, error);
      return StreamThreadExceptionResponse.SHUTDOWN_CLIENT;
    }
    log.error("surge detection failed, starting its thread again ({} in a row)", inRow, error);
    return StreamThreadExceptionResponse.REPLACE_THREAD;
  }

  private double running() {
    KafkaStreams current = streams;
    return current != null && (current.state() == State.RUNNING || current.state() == State.REBALANCING) ? 1 : 0;
  }

  private Properties config() {
    Properties config = new Properties();
    config.putAll(kafka.buildStreamsProperties()); // bootstrap servers, and security settings if any
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, settings.applicationId());
    config.put(StreamsConfig.PROCESSING_GUARANTEE_CONFIG, settings.processingGuarantee());
    config.put(StreamsConfig.REPLICATION_FACTOR_CONFIG, (int) hotline.kafka().replicationFactor());
    config.put(StreamsConfig.STATE_DIR_CONFIG, stateDir().toString());
    // A record that cannot be read or processed is logged and skipped; failing would re-read it forever.
    config.put(StreamsConfig.DESERIALIZATION_EXCEPTION_HANDLER_CLASS_CONFIG, LogAndContinueExceptionHandler.class);
    config.put(StreamsConfig.PROCESSING_EXCEPTION_HANDLER_CLASS_CONFIG,
        LogAndContinueProcessingExceptionHandler.class);
    return config;
  }

  /** A directory of this process's own (two replicas on one host never share one), deleted at stop. */
  private Path stateDir() {
    String base = settings.stateDir() == null || settings.stateDir().isBlank()
        ? System.getProperty("java.io.tmpdir") : settings.stateDir();
    try {
      stateDir = Files.createTempDirectory(Files.createDirectories(Path.of(base)), "hotline-surges-");
      return stateDir;
    } catch (IOException e) {
      throw new UncheckedIOException("no directory for surge detection's state under " + base, e);
    }
  }

  @Override
  public synchronized void stop() {
    if (streams == null) {
      return;
    }
    metrics.close();
    boolean closed = streams.close(settings.closeTimeout());
    if (closed) {
      streams.cleanUp();
      deleteStateDir();
    }
    streams = null;
  }

  private void deleteStateDir() {
    try (Stream<Path> files = Files.walk(stateDir)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      log.warn("surge detection's state directory {} is left behind", stateDir, e);
    }
    stateDir = null;
  }

  @Override
  public synchronized boolean isRunning() {
    return streams != null;
  }
}
