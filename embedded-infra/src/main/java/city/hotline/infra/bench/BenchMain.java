package city.hotline.infra.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The benchmark harness behind {@code bench/run.sh} (docs/benchmarks.md). Each command appends its
 * results, as markdown, to {@code --out}:
 * <pre>
 *   throughput --gateway URL --intake URL --home H --levels 1,2,4 --seconds 20 --script bench/register.lua
 *   e2e        --gateway URL --kafka HOST:PORT --home H --rate 300 --seconds 300 --stragglers 60
 *   load-stats --mongo URI --calls-per-year 10000000 --days 365
 *   dashboard  --gateway URL --requests 2000 --concurrency 4
 * </pre>
 * It talks to a running system only through its public doors (the gateway, intake's port, Kafka), except
 * {@code load-stats}, a benchmark-only loader that writes synthetic statistics roll-ups into feedback's
 * database.
 */
public final class BenchMain {
  private BenchMain() {
  }

  public static void main(String[] args) throws Exception {
    System.setProperty("hotline.log.level", "WARN");
    if (args.length < 1) {
      System.err.println("usage: BenchMain throughput|e2e|load-stats|dashboard --option value ...");
      System.exit(2);
    }
    Map<String, String> options = options(args);
    String section = switch (args[0]) {
      case "throughput" -> new ThroughputRun(options).run();
      case "e2e" -> new EndToEndRun(options).run();
      case "load-stats" -> new StatsLoader(options).run();
      case "dashboard" -> new DashboardRun(options).run();
      default -> throw new IllegalArgumentException("unknown command " + args[0]);
    };
    System.out.println(section);
    String out = options.get("out");
    if (out != null) {
      Files.writeString(Path.of(out), section + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }
    System.exit(0);
  }

  static Map<String, String> options(String[] args) {
    Map<String, String> options = new HashMap<>();
    List<String> rest = List.of(args).subList(1, args.length);
    for (int i = 0; i < rest.size(); i += 2) {
      String key = rest.get(i);
      if (!key.startsWith("--") || i + 1 >= rest.size()) {
        throw new IllegalArgumentException("expected --option value, got " + key);
      }
      options.put(key.substring(2), rest.get(i + 1));
    }
    return options;
  }

  static String required(Map<String, String> options, String key) {
    String value = options.get(key);
    if (value == null) {
      throw new IllegalArgumentException("--" + key + " is required");
    }
    return value;
  }

  static void append(Path file, String text) throws IOException {
    Files.writeString(file, text, StandardOpenOption.CREATE, StandardOpenOption.APPEND);
  }
}
