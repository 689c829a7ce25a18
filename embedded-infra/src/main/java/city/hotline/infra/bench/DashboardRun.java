package city.hotline.infra.bench;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import tools.jackson.databind.JsonNode;

/**
 * The leader's dashboard questions over a year, through the gateway as {@code leader}: {@code --requests}
 * of each (after a warm-up), {@code --concurrency} leaders asking one after another (closed loop).
 */
final class DashboardRun {
  private final String gateway;
  private final int requests;
  private final int concurrency;
  private final int warmup;
  private final int days;

  DashboardRun(Map<String, String> o) {
    this.gateway = BenchMain.required(o, "gateway");
    this.requests = Integer.parseInt(o.getOrDefault("requests", "2000"));
    this.concurrency = Integer.parseInt(o.getOrDefault("concurrency", "4"));
    this.warmup = Integer.parseInt(o.getOrDefault("warmup", "300"));
    this.days = Integer.parseInt(o.getOrDefault("days", "365"));
  }

  String run() throws Exception {
    String token = Http.login(gateway, "leader");
    LocalDate to = LocalDate.now(ZoneId.of("Asia/Shanghai"));
    String period = "from=" + to.minusDays(days - 1) + "&to=" + to;
    HttpClient http = Http.client();
    // A replica loads the roll-ups into memory on its first question and on its refresh: wait for the year.
    long loading = System.nanoTime();
    JsonNode summary = get(http, token, "/api/dashboard/summary?" + period);
    while (summary.path("received").asLong() < 1000 && System.nanoTime() - loading < 600e9) {
      Thread.sleep(1000);
      summary = get(http, token, "/api/dashboard/summary?" + period);
    }
    double loadSeconds = (System.nanoTime() - loading) / 1e9;
    StringBuilder out = new StringBuilder("## 3. Dashboard over a year\n\n");
    out.append(String.format(Locale.ROOT, "Period %s (%d days): the summary counts %,d received, %,d dispatched, "
        + "%,d closed. %d requests of each question after %d of warm-up of each (all warmed up first), %d leaders asking concurrently "
        + "(closed loop), through the gateway. The feedback service showed the loaded year %.0f s after the loader "
        + "finished (its refresh reading the roll-ups into memory).%n%n", period.replace("&", " "), days,
        summary.path("received").asLong(), summary.path("dispatched").asLong(), summary.path("closed").asLong(), requests,
        warmup, concurrency, loadSeconds));
    out.append("| question | p50 ms | p99 ms | max ms | requests/s | errors |\n|---|---:|---:|---:|---:|---:|\n");
    List<String> questions = List.of("/api/dashboard/summary?" + period, "/api/dashboard/ranking?by=district&" + period,
        "/api/dashboard/ranking?by=unit&" + period);
    // Every question is warmed up before any is measured: the first measured used to pay the fresh JVMs' compiling.
    for (String path : questions) {
      measure(http, token, path, warmup);
    }
    for (String path : questions) {
      long started = System.nanoTime();
      AtomicLong errors = new AtomicLong();
      long[] latencies = measure(http, token, path, requests, errors);
      double seconds = (System.nanoTime() - started) / 1e9;
      Stats stats = new Stats(latencies);
      out.append(String.format(Locale.ROOT, "| `GET %s` | %s | %s | %s | %.0f | %d |%n", path.replace("&" + period, "")
          .replace("?" + period, ""), Stats.ms(stats.percentileMillis(50)), Stats.ms(stats.percentileMillis(99)),
          Stats.ms(stats.maxMillis()), requests / seconds, errors.get()));
    }
    return out.toString();
  }

  private long[] measure(HttpClient http, String token, String path, int count) throws Exception {
    return measure(http, token, path, count, new AtomicLong());
  }

  private long[] measure(HttpClient http, String token, String path, int count, AtomicLong errors) throws Exception {
    long[] latencies = new long[count];
    AtomicInteger next = new AtomicInteger();
    ExecutorService pool = Executors.newFixedThreadPool(concurrency);
    try {
      List<Future<?>> workers = new ArrayList<>();
      for (int w = 0; w < concurrency; w++) {
        workers.add(pool.submit(() -> {
          for (int i = next.getAndIncrement(); i < count; i = next.getAndIncrement()) {
            long start = System.nanoTime();
            HttpResponse<String> response = http.send(request(token, path), HttpResponse.BodyHandlers.ofString());
            latencies[i] = System.nanoTime() - start;
            if (response.statusCode() != 200) {
              errors.incrementAndGet();
            }
          }
          return null;
        }));
      }
      for (Future<?> worker : workers) {
        worker.get();
      }
    } finally {
      pool.shutdown();
    }
    return latencies;
  }

  private HttpRequest request(String token, String path) {
    return HttpRequest.newBuilder(URI.create(gateway + path)).header("Authorization", "Bearer " + token)
        .timeout(Duration.ofSeconds(30)).GET().build();
  }

  private JsonNode get(HttpClient http, String token, String path) throws Exception {
    HttpResponse<String> response = http.send(request(token, path), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("GET " + path + ": " + response.statusCode() + " " + response.body());
    }
    return Http.json(response.body());
  }
}
