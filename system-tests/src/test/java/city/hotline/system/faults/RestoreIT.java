package city.hotline.system.faults;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.infra.EmbeddedSystem;
import city.hotline.infra.Settings;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/**
 * A city restores last night's backup (SPEC §8.1): {@code ./hotline backup} while calls and claims flow, more
 * calls and claims after it, then the system stopped, every store put back from the backup and the system
 * started again while calls go on. The stores come back older than what the services had consumed and
 * published; they catch up from Kafka by themselves. No number is given twice, every acknowledged call is
 * dispatched once, every acknowledged claim is still claimed, and the books agree.
 */
class RestoreIT {
  private static final Duration STEADY = Duration.ofSeconds(8);

  private final EmbeddedSystem system = FaultSystem.get();
  private final Settings settings = FaultSystem.settings();

  @Test
  void aRestoredBackupCatchesUpAndGivesNoNumberTwice() throws Exception {
    Path backup = settings.home().resolve("backups").resolve("restore-it");
    List<String> registered = new ArrayList<>();
    Set<String> claimed = new HashSet<>();
    CallStream before = new CallStream(settings);
    try (before) {
      pause(STEADY);
      system.backup(backup);
      pause(STEADY); // acknowledged after the backup: in Kafka, not in the copy
    }
    registered.addAll(before.registered());
    claimed.addAll(before.claimed());
    system.down();
    system.restore(backup, ".before-restore-it");
    system.up();

    CallStream after = new CallStream(settings);
    try (after) {
      pause(STEADY);
    }
    registered.addAll(after.registered());
    claimed.addAll(after.claimed());
    assertThat(after.registered()).as("calls taken after the restore").isNotEmpty();
    assertThat(registered).as("ticket numbers before and after the restore").doesNotHaveDuplicates();
    CrashIT.assertCarriedThroughOnce(settings, registered, claimed);
  }

  /** The stream runs meanwhile: this is the time under load, not a wait for a condition. */
  private static void pause(Duration d) throws InterruptedException {
    Thread.sleep(d.toMillis());
  }
}
