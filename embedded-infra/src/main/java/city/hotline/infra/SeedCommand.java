package city.hotline.infra;

import city.hotline.infra.seed.SeedReport;
import city.hotline.infra.seed.SeedRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * {@code ./hotline seed}: starts a fresh system whose clocks begin a month ago, plays a month of calls
 * through the gateway while the clocks catch up with real time, then restarts the system on ordinary
 * settings, so a newcomer opens a living dashboard.
 */
final class SeedCommand {
  private static final String DEMO_PASSWORD = "Hotline@12345";

  private SeedCommand() {}

  /** {@code --days 30 --calls-per-day 40 --minutes 8 --random-seed 12345}. */
  static SeedRun parse(List<String> args) {
    int days = 30;
    int callsPerDay = 40;
    int minutes = 8;
    long seed = 12345;
    for (int i = 0; i + 1 < args.size(); i += 2) {
      String value = args.get(i + 1);
      switch (args.get(i)) {
        case "--days" -> days = Integer.parseInt(value);
        case "--calls-per-day" -> callsPerDay = Integer.parseInt(value);
        case "--minutes" -> minutes = Integer.parseInt(value);
        case "--random-seed" -> seed = Long.parseLong(value);
        default -> throw new IllegalArgumentException("unknown option " + args.get(i));
      }
    }
    if (args.size() % 2 != 0) {
      throw new IllegalArgumentException("option " + args.get(args.size() - 1) + " needs a value");
    }
    return SeedRun.of(days, callsPerDay, Duration.ofMinutes(minutes), seed);
  }

  static int run(Settings settings, SeedRun run) throws InterruptedException {
    if (hasData(settings.layout().dataDir())) {
      System.err.println("./hotline seed fills a fresh system, and " + settings.layout().dataDir() + " holds data."
          + "\nStart afresh with: ./hotline down && rm -rf " + settings.home() + "  (or set HOTLINE_HOME elsewhere)");
      return 2;
    }
    String password = System.getenv().getOrDefault("HOTLINE_DEMO_PASSWORD", DEMO_PASSWORD);
    System.out.printf("Seeding %s … %s (%d calls on a weekday) in about %d minutes, after the system starts.%n",
        run.firstDay(), run.lastDay(), run.callsPerDay(), run.runTime().toMinutes());
    EmbeddedSystem seeding = new EmbeddedSystem(settings.withExtraServiceEnv(merge(settings, run.serviceEnvironment())));
    seeding.up();
    SeedReport report = run.play(settings.gatewayUrl(), password);
    System.out.println("Seeded through the gateway:");
    System.out.print(report);
    writeReport(settings.home().resolve("seed-report.txt"), run, report);
    System.out.println("Restarting on ordinary settings (the clocks have caught up with real time) …");
    seeding.down();
    new EmbeddedSystem(settings).up();
    System.out.println("Every unit has a bureau account seed.<unit id in lower case> with the demo password.");
    return 0;
  }

  private static Map<String, String> merge(Settings settings, Map<String, String> seedEnv) {
    Map<String, String> env = new java.util.HashMap<>(settings.extraServiceEnv());
    env.putAll(seedEnv);
    return env;
  }

  private static boolean hasData(Path dataDir) {
    if (!Files.isDirectory(dataDir)) {
      return false;
    }
    try (Stream<Path> entries = Files.list(dataDir)) {
      return entries.findAny().isPresent();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void writeReport(Path file, SeedRun run, SeedReport report) {
    try {
      Files.writeString(file, "period " + run.firstDay() + " .. " + run.lastDay() + "\n" + report);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
