package city.hotline.infra.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Registrations per second at rising concurrency, closed loop (wrk, one connection per concurrent
 * caller), through the gateway and straight at intake with the same token, level by level in one run.
 * Between runs it waits for the services to drain what the last run published (consumer lag 0, at most
 * {@code --settle} seconds), so each run starts from the same quiet pipeline.
 */
final class ThroughputRun {
  private static final Pattern RPS = Pattern.compile("Requests/sec:\\s+([\\d.]+)");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) requests in");
  private static final Pattern NON_2XX = Pattern.compile("Non-2xx or 3xx responses: (\\d+)");
  private static final Pattern SOCKET = Pattern.compile("Socket errors: connect (\\d+), read (\\d+), write (\\d+), timeout (\\d+)");

  private final String gateway;
  private final String intake;
  private final Path home;
  private final List<Integer> levels;
  private final int seconds;
  private final int warmup;
  private final String script;
  private final String kafka;
  private final int settle;

  record Result(double rps, long requests, long errors, double p50, double p99) {}

  ThroughputRun(Map<String, String> o) {
    this.gateway = BenchMain.required(o, "gateway");
    this.intake = BenchMain.required(o, "intake");
    this.home = Path.of(BenchMain.required(o, "home"));
    this.kafka = BenchMain.required(o, "kafka");
    this.levels = Arrays.stream(o.getOrDefault("levels", "1,2,4,8,16,32,64").split(",")).map(Integer::parseInt).toList();
    this.seconds = Integer.parseInt(o.getOrDefault("seconds", "20"));
    this.warmup = Integer.parseInt(o.getOrDefault("warmup", "15"));
    this.settle = Integer.parseInt(o.getOrDefault("settle", "30"));
    this.script = BenchMain.required(o, "script");
  }

  String run() throws Exception {
    String token = Http.login(gateway, "operator");
    StringBuilder out = new StringBuilder("## 1. Registrations per second, through the gateway and straight at intake\n\n");
    out.append(String.format(Locale.ROOT, "wrk, closed loop, %d s per run (after a %d s warm-up of each at 16 connections); "
        + "between runs the harness waits until the services' consumer lag is 0 (at most %d s).%n%n", seconds, warmup, settle));
    try (Backlog backlog = new Backlog(kafka); ResourceSampler sampler = new ResourceSampler(home)) {
      long registrations = wrk(gateway, 16, warmup, token, sampler).requests();
      registrations += wrk(intake, 16, warmup, token, sampler).requests();
      backlog.settle(settle);
      out.append("| concurrency | gateway req/s | gateway p50 ms | gateway p99 ms | intake req/s | intake p50 ms | intake p99 ms | gateway / intake | errors (gw / intake) |\n");
      out.append("|---:|---:|---:|---:|---:|---:|---:|---:|---|\n");
      double best = 0;
      List<String> settles = new ArrayList<>();
      for (int level : levels) {
        Result viaGateway = wrk(gateway, level, seconds, token, sampler);
        best = Math.max(best, viaGateway.rps());
        settles.add(String.format(Locale.ROOT, "%.0f", backlog.settle(settle)));
        Result direct = wrk(intake, level, seconds, token, sampler);
        registrations += viaGateway.requests() + direct.requests();
        settles.add(String.format(Locale.ROOT, "%.0f", backlog.settle(settle)));
        out.append(String.format(Locale.ROOT, "| %d | %.0f | %s | %s | %.0f | %s | %s | %.0f %% | %d / %d |%n", level,
            viaGateway.rps(), Stats.ms(viaGateway.p50()), Stats.ms(viaGateway.p99()), direct.rps(), Stats.ms(direct.p50()),
            Stats.ms(direct.p99()), 100 * viaGateway.rps() / direct.rps(), viaGateway.errors(), direct.errors()));
        System.err.printf(Locale.ROOT, "c=%d gateway %.0f/s intake %.0f/s%n", level, viaGateway.rps(), direct.rps());
      }
      out.append(String.format(Locale.ROOT, "%nBest through the gateway: **%.0f registrations/s**. Seconds spent settling "
          + "after each run: %s.%n%n", best, String.join(", ", settles)));
      sampler.close();
      out.append("### Resources during 1 (warm-ups, runs and settling)\n\n").append(sampler.table(registrations,
          "through the gateway and direct together, the pipeline's dispatching and statistics included")).append('\n');
    }
    return out.toString();
  }

  private Result wrk(String url, int connections, int duration, String token, ResourceSampler sampler)
      throws IOException, InterruptedException {
    int threads = Math.min(connections, 2);
    ProcessBuilder builder = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration + "s",
        "--timeout", "10s", "--latency", "-s", script, url + "/api/complaints");
    builder.environment().put("TOKEN", token);
    builder.redirectErrorStream(true);
    Process process = builder.start();
    sampler.watch("wrk (load generator)", process.pid());
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    if (process.waitFor() != 0) {
      throw new IllegalStateException("wrk failed:\n" + output);
    }
    return parse(output);
  }

  static Result parse(String output) {
    double rps = find(RPS, output).map(Double::parseDouble).orElse(0.0);
    long total = find(TOTAL, output).map(Long::parseLong).orElse(0L);
    long errors = find(NON_2XX, output).map(Long::parseLong).orElse(0L);
    Matcher socket = SOCKET.matcher(output);
    if (socket.find()) {
      for (int i = 1; i <= 4; i++) {
        errors += Long.parseLong(socket.group(i));
      }
    }
    double p50 = Double.NaN;
    double p99 = Double.NaN;
    Matcher m = Pattern.compile("^\\s+(50|99)%\\s+([\\d.]+)(us|ms|s)\\s*$", Pattern.MULTILINE).matcher(output);
    while (m.find()) {
      double value = Double.parseDouble(m.group(2)) * switch (m.group(3)) {
        case "us" -> 0.001;
        case "s" -> 1000.0;
        default -> 1.0;
      };
      if (m.group(1).equals("50")) {
        p50 = value;
      } else {
        p99 = value;
      }
    }
    return new Result(rps, total, errors, p50, p99);
  }

  private static java.util.Optional<String> find(Pattern pattern, String text) {
    Matcher m = pattern.matcher(text);
    return m.find() ? java.util.Optional.of(m.group(1)) : java.util.Optional.empty();
  }
}
