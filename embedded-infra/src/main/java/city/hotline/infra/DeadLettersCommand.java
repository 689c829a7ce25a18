package city.hotline.infra;

import java.util.List;

/** {@code ./hotline dead-letters}: placeholder until the dead-letter tooling lands. */
final class DeadLettersCommand {
  private DeadLettersCommand() {}

  static int run(Settings settings, List<String> options) {
    System.err.println("not yet");
    return 1;
  }
}
