package city.hotline.system;

import city.hotline.infra.EmbeddedSystem;
import city.hotline.infra.Ports;
import city.hotline.infra.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * One embedded system for all the system tests of a run: Kafka, the Mongo-wire servers and the four
 * services as separate processes, on free ports, started on first use and stopped when the test JVM
 * exits. Data and logs under system-tests/target/hotline-home, where a failed run's logs stay.
 */
final class RunningSystem {
  private static Settings settings;
  private static EmbeddedSystem system;

  private RunningSystem() {}

  static synchronized Settings get() {
    if (settings == null) {
      Path repoRoot = Path.of(System.getProperty("hotline.repo.root", "..")).toAbsolutePath().normalize();
      Path home = repoRoot.resolve("system-tests/target/hotline-home");
      try {
        FileSystemUtils.deleteRecursively(home);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      Settings fresh = Settings.defaults(repoRoot, home).withPorts(Ports.allocateFree());
      EmbeddedSystem system = new EmbeddedSystem(fresh);
      Runtime.getRuntime().addShutdownHook(new Thread(system::down, "system-tests-down"));
      system.up();
      settings = fresh;
      RunningSystem.system = system;
    }
    return settings;
  }

  /** The system itself, for tests that stop and start its processes. */
  static synchronized EmbeddedSystem system() {
    get();
    return system;
  }
}
