package city.hotline.system;

import city.hotline.infra.EmbeddedSystem;
import city.hotline.infra.Ports;
import city.hotline.infra.Settings;
import city.hotline.infra.seed.SeedReport;
import city.hotline.infra.seed.SeedRun;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import org.springframework.util.FileSystemUtils;

/**
 * A second embedded system, seeded with a week of calls through the gateway the way ./hotline seed
 * does (catch-up clocks, the seeder playing operators, bureaus, desk and citizens), for the dashboard
 * test. Its own processes, ports and data (system-tests/target/seeded-home); stopped when the JVM
 * exits. The dashboard test runs in a JVM of its own, so the two systems never share the machine.
 */
final class SeededSystem {
  static final int DAYS = 7;
  private static final int CALLS_PER_DAY = 20;
  private static final Duration RUN_TIME = Duration.ofSeconds(75);
  /** Longer than the system takes to start here; before it the clocks stand at the period's start. */
  private static final Duration STARTUP = Duration.ofSeconds(110);

  record Seeded(Settings settings, SeedRun run, SeedReport report) {}

  private static Seeded seeded;

  private SeededSystem() {}

  static synchronized Seeded get() {
    if (seeded == null) {
      Path repoRoot = Path.of(System.getProperty("hotline.repo.root", "..")).toAbsolutePath().normalize();
      Path home = repoRoot.resolve("system-tests/target/seeded-home");
      try {
        FileSystemUtils.deleteRecursively(home);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      SeedRun run = new SeedRun(DAYS, CALLS_PER_DAY, RUN_TIME, STARTUP, 20261201L, Instant.now(), SeedRun.WUHAN);
      Settings settings = Settings.defaults(repoRoot, home).withPorts(Ports.allocateFree());
      EmbeddedSystem system = new EmbeddedSystem(settings.withExtraServiceEnv(run.serviceEnvironment()));
      Runtime.getRuntime().addShutdownHook(new Thread(system::down, "seeded-system-down"));
      system.up();
      try {
        seeded = new Seeded(settings, run, run.play(settings.gatewayUrl(), Chromium.DEMO_PASSWORD));
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
    }
    return seeded;
  }
}
