package city.hotline.infra;

import java.util.List;

/** {@code ./hotline reconcile}: placeholder until the reconciliation lands. */
final class ReconcileCommand {
  private ReconcileCommand() {}

  static int run(Settings settings, List<String> options) throws InterruptedException {
    System.err.println("not yet");
    return 1;
  }
}
