package city.hotline.system.faults;

import city.hotline.infra.EmbeddedSystem;
import city.hotline.infra.Ports;
import city.hotline.infra.Settings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import org.springframework.util.FileSystemUtils;

/**
 * The embedded system the fault tests break: its own processes, ports and data
 * (system-tests/target/faults-home, where a failed run's logs stay), in a failsafe run and JVM of its
 * own so that killing a process never disturbs the other system tests. Stopped when the JVM exits.
 */
public final class FaultSystem {
  private static EmbeddedSystem system;

  private FaultSystem() {}

  public static synchronized EmbeddedSystem get() {
    if (system == null) {
      Path repoRoot = Path.of(System.getProperty("hotline.repo.root", "..")).toAbsolutePath().normalize();
      Path home = repoRoot.resolve("system-tests/target/faults-home");
      try {
        FileSystemUtils.deleteRecursively(home);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      EmbeddedSystem fresh = new EmbeddedSystem(Settings.defaults(repoRoot, home).withPorts(Ports.allocateFree()));
      Runtime.getRuntime().addShutdownHook(new Thread(fresh::down, "fault-system-down"));
      fresh.up();
      system = fresh;
    }
    return system;
  }

  public static Settings settings() {
    return get().settings();
  }
}
