package city.hotline.support.outbox;

import city.hotline.contracts.EventEnvelope;
import city.hotline.support.HotlineProperties;
import city.hotline.support.kafka.EventCodec;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Projections;
import com.mongodb.client.model.Updates;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;
import city.hotline.support.web.RequestIdFilter;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.micrometer.tracing.Span;
import io.micrometer.tracing.Tracer;
import io.micrometer.tracing.propagation.Propagator;
import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.slf4j.MDC;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.SmartLifecycle;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.stereotype.Component;

/**
 * Transactional outbox without transactions: a state change and its events are written in one
 * document update (the {@code outbox} array), so neither exists without the other. This relay then
 * publishes each document's pending events in order, keyed by ticket id, and pulls them once Kafka
 * has acknowledged them. Writers call {@link #wake} after a write; a periodic sweep picks up what a
 * crash or a Kafka outage left behind. An event may be published twice after a crash; consumers are
 * idempotent by event id and state guards.
 *
 * <p>Each entry keeps the W3C trace context of the request (or record) that caused it, and the event is
 * published inside a span continuing it, so Kafka's producer observation writes that trace into the
 * record's headers and the consumers' spans and log lines join the same trace.
 */
@Component
public class OutboxRelay implements SmartLifecycle {
  public static final String FIELD = "outbox";
  /** The entry's field, and the record header, holding the W3C trace context ({@code traceparent}). */
  public static final String TRACEPARENT = "traceparent";
  static final String PUBLISHED = "hotline.outbox.published";
  static final String PUBLISH_FAILURES = "hotline.outbox.publish.failures";
  private static final Logger log = LoggerFactory.getLogger(OutboxRelay.class);

  private final KafkaTemplate<String, String> kafka;
  private final EventCodec codec;
  private final HotlineProperties.Outbox settings;
  private final String topic;
  private final Map<String, MongoCollection<Document>> collections = new HashMap<>();
  private final LinkedBlockingQueue<Pending> queue = new LinkedBlockingQueue<>();
  /** What is in the queue, so a document waits there once however often it is woken or swept. */
  private final Set<Pending> queued = ConcurrentHashMap.newKeySet();
  private final Tracer tracer;
  private final Propagator propagator;
  private final Clock clock;
  private final Counter published;
  private final Counter publishFailures;
  private volatile boolean running;
  private Thread worker;

  private record Pending(String collection, String id) {}

  /** Without metrics or tracing (another replica in a test). */
  public OutboxRelay(KafkaTemplate<String, String> kafka, EventCodec codec, MongoDatabase database,
      HotlineProperties properties) {
    this(kafka, codec, database, properties, new SimpleMeterRegistry(), Tracer.NOOP, Propagator.NOOP,
        Clock.systemUTC());
  }

  /** Tracing where the service has it (Micrometer Tracing), none otherwise. */
  @Autowired
  OutboxRelay(KafkaTemplate<String, String> kafka, EventCodec codec, MongoDatabase database,
      HotlineProperties properties, MeterRegistry registry, ObjectProvider<Tracer> tracer,
      ObjectProvider<Propagator> propagator, Clock clock) {
    this(kafka, codec, database, properties, registry, tracer.getIfAvailable(() -> Tracer.NOOP),
        propagator.getIfAvailable(() -> Propagator.NOOP), clock);
  }

  public OutboxRelay(KafkaTemplate<String, String> kafka, EventCodec codec, MongoDatabase database,
      HotlineProperties properties, MeterRegistry registry, Tracer tracer, Propagator propagator, Clock clock) {
    this.kafka = kafka;
    this.clock = clock;
    this.tracer = tracer;
    this.propagator = propagator;
    this.published = Counter.builder(PUBLISHED).description("Outbox events Kafka acknowledged").register(registry);
    this.publishFailures = Counter.builder(PUBLISH_FAILURES)
        .description("Relay batches Kafka did not acknowledge (they are retried)").register(registry);
    this.codec = codec;
    this.settings = properties.outbox();
    this.topic = properties.kafka().topic();
    settings.collections().forEach(name -> collections.put(name, database.getCollection(name)));
    // The periodic sweep asks for entries older than the grace; without this index a real MongoDB reads every document.
    collections.values().forEach(collection -> collection.createIndex(Indexes.ascending(FIELD + ".at")));
  }

  /** The outbox entry to {@code $push} in the same update that makes the state change. */
  public Document entry(EventEnvelope<?> event) {
    Document entry = new Document("eventId", event.eventId().toString())
        .append("ticketId", event.ticketId())
        .append("requestId", MDC.get(RequestIdFilter.MDC_KEY))
        // When it was written, not when the event happened (an overdue mark is dated at its deadline): the sweep's
        // grace and the outbox's age count how long it has waited for Kafka.
        .append("at", Date.from(clock.instant()))
        .append("json", codec.encode(event));
    String traceparent = currentTraceparent();
    if (traceparent != null) {
      entry.append(TRACEPARENT, traceparent);
    }
    return entry;
  }

  /** The W3C form of the current span's context, or null outside a span (or without tracing). */
  private String currentTraceparent() {
    Span span = tracer.currentSpan();
    if (span == null) {
      return null;
    }
    Map<String, String> carrier = new HashMap<>();
    propagator.inject(span.context(), carrier, Map::put);
    return carrier.get(TRACEPARENT);
  }

  /** Asks the relay to publish the pending events of one document soon. */
  public void wake(String collection, String id) {
    enqueue(new Pending(collection, id));
  }

  private void enqueue(Pending pending) {
    if (queued.add(pending)) {
      queue.add(pending);
    }
  }

  @Override
  public void start() {
    running = true;
    worker = new Thread(this::run, "outbox-relay");
    worker.setDaemon(true);
    worker.start();
  }

  @Override
  public void stop() {
    running = false;
    if (worker != null) {
      worker.interrupt();
    }
  }

  @Override
  public boolean isRunning() {
    return running;
  }

  private void run() {
    long nextSweep = 0;
    boolean failed = false;
    boolean firstSweep = true;
    while (running) {
      try {
        if (queue.isEmpty() && System.nanoTime() >= nextSweep) {
          sweep(failed, firstSweep);
          failed = false;
          firstSweep = false;
          nextSweep = System.nanoTime() + settings.sweepInterval().toNanos();
        }
        long untilSweep = Math.max(0, nextSweep - System.nanoTime());
        Pending first = queue.poll(untilSweep, TimeUnit.NANOSECONDS);
        if (first == null) {
          continue;
        }
        List<Pending> batch = new ArrayList<>();
        batch.add(first);
        queue.drainTo(batch, settings.batchSize() - 1);
        queued.removeAll(batch);
        flush(batch);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      } catch (RuntimeException e) {
        // Kafka or the database is away: wait a little, then a sweep finds everything still pending.
        log.warn("outbox relay could not publish, will retry: {}", e.toString());
        queue.clear();
        queued.clear();
        failed = true;
        nextSweep = System.nanoTime() + settings.retryInterval().toNanos();
      }
    }
  }

  /** Keyed by ticket id; carries the id of the request that caused the event, so it follows into the consumers' logs. */
  private ProducerRecord<String, String> record(Document entry) {
    ProducerRecord<String, String> record = new ProducerRecord<>(topic, entry.getString("ticketId"), entry.getString("json"));
    String requestId = entry.getString("requestId");
    if (requestId != null) {
      record.headers().add(RequestIdFilter.HEADER, requestId.getBytes(StandardCharsets.UTF_8));
    }
    return record;
  }

  /**
   * Finds pending events. Normally only those older than the grace period (an indexed range): a fresh
   * one belongs to the replica that wrote it, which is publishing it right now, so with several
   * replicas each event is still published once. The first sweep after start also takes entries
   * written before entries carried a time (a scan, once); after this relay's own failure, everything
   * pending, its own included.
   */
  private void sweep(boolean everything, boolean first) {
    Bson old = Filters.lt(FIELD + ".at", Date.from(Instant.now().minus(settings.sweepGrace())));
    Bson pending = everything ? Filters.exists(FIELD + ".0")
        : first ? Filters.or(old, Filters.and(Filters.exists(FIELD + ".0"), Filters.exists(FIELD + ".at", false)))
        : old;
    collections.forEach((name, collection) -> collection
        .find(pending)
        .projection(Projections.include("_id"))
        .forEach(doc -> enqueue(new Pending(name, doc.get("_id").toString()))));
  }

  /**
   * Hands one event to Kafka inside an "outbox publish" span whose parent is the trace the entry was
   * written in; an entry from before entries kept their trace is sent as it is.
   */
  private CompletableFuture<?> publish(Document entry) {
    String traceparent = entry.getString(TRACEPARENT);
    Span span = traceparent == null ? null
        : propagator.extract(Map.of(TRACEPARENT, traceparent), Map::get).name("outbox publish").start();
    try (Tracer.SpanInScope scope = span == null ? null : tracer.withSpan(span)) {
      return kafka.send(record(entry));
    } catch (RuntimeException e) {
      // The producer refused the record outright (e.g. no broker within max.block.ms): the batch fails.
      publishFailures.increment();
      if (span != null) {
        span.error(e);
      }
      throw e;
    } finally {
      if (span != null) {
        span.end();
      }
    }
  }

  /** Sends every pending event of the batch first, then waits once, so one slow round trip serves many tickets. */
  private void flush(List<Pending> batch) throws InterruptedException {
    Map<Pending, List<Document>> entries = new HashMap<>();
    List<CompletableFuture<?>> sends = new ArrayList<>();
    for (Pending pending : batch) {
      Document doc = collections.get(pending.collection())
          .find(Filters.eq("_id", pending.id()))
          .projection(Projections.include(FIELD))
          .first();
      List<Document> outbox = doc == null ? List.of() : doc.getList(FIELD, Document.class, List.of());
      entries.put(pending, outbox);
      for (Document entry : outbox) {
        sends.add(publish(entry));
      }
    }
    try {
      CompletableFuture.allOf(sends.toArray(CompletableFuture[]::new))
          .get(settings.sendTimeout().toMillis(), TimeUnit.MILLISECONDS);
    } catch (java.util.concurrent.ExecutionException | java.util.concurrent.TimeoutException e) {
      publishFailures.increment();
      throw new IllegalStateException("Kafka did not acknowledge the batch", e);
    }
    published.increment(sends.size());
    entries.forEach((pending, outbox) -> {
      if (!outbox.isEmpty()) {
        List<String> ids = outbox.stream().map(e -> e.getString("eventId")).toList();
        collections.get(pending.collection()).updateOne(Filters.eq("_id", pending.id()),
            Updates.pull(FIELD, Filters.in("eventId", ids)));
      }
    });
  }
}
