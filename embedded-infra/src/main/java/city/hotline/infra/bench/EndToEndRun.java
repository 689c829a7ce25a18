package city.hotline.infra.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.StringDeserializer;
import tools.jackson.databind.JsonNode;

/**
 * End-to-end latency at a steady rate, open model: registrations are sent on a fixed schedule
 * ({@code --rate} a second, whether or not earlier ones have answered) through the gateway; a Kafka
 * consumer on dispatch's topic notes when each ticket's CaseDispatched arrives (this JVM's clock, as
 * for the responses). Latency = CaseDispatched's arrival − the registration's 201. After the run it
 * waits up to {@code --stragglers} seconds; a 201 without a CaseDispatched by then is counted as lost here,
 * though it may only be late: the reconciliation that bench/run.sh runs afterwards tells which. A warm-up of
 * {@code --warmup} seconds at the same rate comes first, unmeasured, so the figures are a warm system's.
 */
final class EndToEndRun {
  private static final String[] DISTRICTS = {"JIANGAN", "JIANGHAN", "QIAOKOU", "HANYANG", "WUCHANG", "QINGSHAN",
    "HONGSHAN", "DONGXIHU", "HANNAN", "CAIDIAN", "JIANGXIA", "HUANGPI", "XINZHOU", "EAST_LAKE_HIGH_TECH",
    "ECONOMIC_DEVELOPMENT_ZONE", "EAST_LAKE_SCENIC"};
  private static final String[] CATEGORIES = {"STREET_VENDING", "ILLEGAL_CONSTRUCTION", "MUCK_TRANSPORT",
    "DUST_POLLUTION", "CONSTRUCTION_NOISE", "SANITATION", "SIGNS_AND_ADVERTISING", "STREET_LIGHTING", "MANHOLE_COVERS",
    "DAMAGED_ROADS", "DRAINAGE", "GREENERY", "GAS_SAFETY", "BRIDGES_TUNNELS", "OTHER"};

  private final String gateway;
  private final String kafka;
  private final String topic;
  private final Path home;
  private final int rate;
  private final int seconds;
  private final int stragglers;
  private final int warmup;

  private final Map<String, Long> respondedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> dispatchedAt = new ConcurrentHashMap<>();
  private final Map<String, Long> manualAt = new ConcurrentHashMap<>();
  private final List<Long> responseNanos = java.util.Collections.synchronizedList(new ArrayList<>());
  private final AtomicLong errors = new AtomicLong();
  private final Map<String, AtomicLong> errorStatuses = new ConcurrentHashMap<>();
  private volatile boolean consuming = true;

  EndToEndRun(Map<String, String> o) {
    this.gateway = BenchMain.required(o, "gateway");
    this.kafka = BenchMain.required(o, "kafka");
    this.home = Path.of(BenchMain.required(o, "home"));
    this.topic = o.getOrDefault("topic", "hotline.dispatch.events");
    this.rate = Integer.parseInt(o.getOrDefault("rate", "300"));
    this.seconds = Integer.parseInt(o.getOrDefault("seconds", "300"));
    this.stragglers = Integer.parseInt(o.getOrDefault("stragglers", "60"));
    this.warmup = Integer.parseInt(o.getOrDefault("warmup", "0"));
  }

  String run() throws Exception {
    String token = Http.login(gateway, "operator");
    KafkaConsumer<String, String> consumer = consumer();
    Thread reader = new Thread(() -> consume(consumer), "case-dispatched-reader");
    reader.start();
    HttpClient http = Http.client();
    long total = (long) rate * seconds;
    long period = TimeUnit.SECONDS.toNanos(1) / rate;
    long runId = System.currentTimeMillis() % 100000;
    long warmupTotal = (long) rate * warmup;
    long warmupStart = System.nanoTime();
    for (long i = 0; i < warmupTotal; i++) {
      send(http, token, runId, i, onSchedule(warmupStart, i, period), false);
    }
    double achieved;
    String resources;
    try (ResourceSampler sampler = new ResourceSampler(home)) {
      long start = warmupStart + warmupTotal * period; // the same schedule, without a pause
      for (long i = 0; i < total; i++) {
        send(http, token, runId, warmupTotal + i, onSchedule(start, i, period), true);
      }
      long sent = System.nanoTime();
      achieved = total / ((sent - start) / 1e9);
      // the last responses, then the stragglers' CaseDispatched
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(stragglers);
      while (System.nanoTime() < deadline
          && (responseNanos.size() + errors.get() < total || !allDispatched())) {
        Thread.sleep(200);
      }
      sampler.close();
      resources = sampler.table(respondedAt.size(), "through the gateway, dispatched and counted");
    }
    consuming = false;
    reader.join(5000);

    List<Long> latencies = new ArrayList<>();
    long lost = 0;
    long negative = 0;
    for (Map.Entry<String, Long> entry : respondedAt.entrySet()) {
      Long dispatched = dispatchedAt.get(entry.getKey());
      if (dispatched == null) {
        if (!manualAt.containsKey(entry.getKey())) {
          lost++;
        }
        continue;
      }
      long latency = dispatched - entry.getValue();
      if (latency < 0) {
        negative++; // the event was read before the HTTP response was: it took no time after the 201
      }
      latencies.add(Math.max(0, latency));
    }
    Stats e2e = new Stats(latencies.stream().mapToLong(Long::longValue).toArray());
    Stats response;
    synchronized (responseNanos) {
      response = new Stats(responseNanos.stream().mapToLong(Long::longValue).toArray());
    }
    StringBuilder out = new StringBuilder("## 2. End-to-end: registration's 201 → CaseDispatched\n\n");
    out.append(String.format(Locale.ROOT, "Open model, %d registrations/s scheduled for %d s through the gateway "
        + "(java.net.http, asynchronous; %d sent, achieved sending rate %.1f/s), after an unmeasured warm-up of %d s "
        + "at that rate; CaseDispatched read from `%s` by a consumer in the harness; stragglers awaited up to %d s.%n%n",
        rate, seconds, total, achieved, warmup, topic, stragglers));
    out.append("| figure | value |\n|---|---:|\n");
    out.append(String.format(Locale.ROOT, "| registrations answered 201 | %d |%n", respondedAt.size()));
    out.append(String.format(Locale.ROOT, "| errors (non-201, timeouts) | %d %s |%n", errors.get(),
        errorStatuses.isEmpty() ? "" : errorStatuses.toString()));
    out.append(String.format(Locale.ROOT, "| CaseDispatched received for them | %d |%n", latencies.size()));
    out.append(String.format(Locale.ROOT, "| routed to manual dispatch instead | %d |%n",
        respondedAt.keySet().stream().filter(manualAt::containsKey).count()));
    out.append(String.format(Locale.ROOT, "| **lost** (201 and no dispatch event) | **%d** |%n", lost));
    out.append(String.format(Locale.ROOT, "| end-to-end p50 / p99 / max ms | **%s / %s / %s** |%n",
        Stats.ms(e2e.percentileMillis(50)), Stats.ms(e2e.percentileMillis(99)), Stats.ms(e2e.maxMillis())));
    out.append(String.format(Locale.ROOT, "| event read before the 201 was (counted as 0 ms) | %d |%n", negative));
    out.append(String.format(Locale.ROOT, "| registration response p50 / p99 / max ms (from its scheduled time) | %s / %s / %s |%n%n",
        Stats.ms(response.percentileMillis(50)), Stats.ms(response.percentileMillis(99)), Stats.ms(response.maxMillis())));
    out.append("### Resources during 2 (the run and the wait for stragglers)\n\n").append(resources).append('\n');
    return out.toString();
  }

  private boolean allDispatched() {
    for (String ticket : respondedAt.keySet()) {
      if (!dispatchedAt.containsKey(ticket) && !manualAt.containsKey(ticket)) {
        return false;
      }
    }
    return true;
  }

  /** Waits for the i-th slot of the schedule and returns it. */
  private static long onSchedule(long start, long i, long period) {
    long due = start + i * period;
    long wait = due - System.nanoTime();
    if (wait > 0) {
      LockSupport.parkNanos(wait);
    }
    return due;
  }

  private void send(HttpClient http, String token, long runId, long i, long due, boolean measured) {
    String body = String.format(Locale.ROOT, "{\"callerName\":\"端到端%d\",\"callerPhone\":\"138%08d\","
        + "\"district\":\"%s\",\"category\":\"%s\",\"urgency\":\"%s\",\"address\":\"端到端路%d-%d号\","
        + "\"description\":\"端到端基准 %d-%d 井盖缺失\"}",
        i, (runId * 10000 + i) % 100000000L, DISTRICTS[(int) (i % DISTRICTS.length)],
        CATEGORIES[(int) ((i / DISTRICTS.length) % CATEGORIES.length)], i % 4 == 0 ? "URGENT" : "NORMAL", runId, i, runId, i);
    HttpRequest request = HttpRequest.newBuilder(URI.create(gateway + "/api/complaints"))
        .header("Content-Type", "application/json").header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30))
        .POST(HttpRequest.BodyPublishers.ofString(body)).build();
    http.sendAsync(request, HttpResponse.BodyHandlers.ofString()).whenComplete((response, failure) -> {
      if (!measured) {
        return;
      }
      long now = System.nanoTime();
      if (failure != null || response.statusCode() != 201) {
        errors.incrementAndGet();
        errorStatuses.computeIfAbsent(failure != null ? failure.getClass().getSimpleName()
            : Integer.toString(response.statusCode()), s -> new AtomicLong()).incrementAndGet();
        return;
      }
      String ticket = Http.json(response.body()).path("ticketId").asString();
      respondedAt.put(ticket, now);
      responseNanos.add(now - due);
    });
  }

  private KafkaConsumer<String, String> consumer() {
    Properties p = new Properties();
    p.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, kafka);
    p.put(ConsumerConfig.KEY_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.VALUE_DESERIALIZER_CLASS_CONFIG, StringDeserializer.class.getName());
    p.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
    p.put(ConsumerConfig.FETCH_MAX_WAIT_MS_CONFIG, "20");
    KafkaConsumer<String, String> consumer = new KafkaConsumer<>(p);
    List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10)).stream()
        .map(info -> new TopicPartition(topic, info.partition())).toList();
    consumer.assign(partitions);
    consumer.seekToEnd(partitions);
    partitions.forEach(consumer::position); // resolve "end" now, before the first registration
    return consumer;
  }

  private void consume(KafkaConsumer<String, String> consumer) {
    try (consumer) {
      while (consuming) {
        var records = consumer.poll(Duration.ofMillis(50));
        long now = System.nanoTime();
        for (ConsumerRecord<String, String> record : records) {
          JsonNode event = Http.json(record.value());
          String type = event.path("eventType").asString();
          if ("CaseDispatched".equals(type)) {
            dispatchedAt.putIfAbsent(event.path("ticketId").asString(), now);
          } else if ("CaseAwaitingManualDispatch".equals(type)) {
            manualAt.putIfAbsent(event.path("ticketId").asString(), now);
          }
        }
      }
    }
  }
}
