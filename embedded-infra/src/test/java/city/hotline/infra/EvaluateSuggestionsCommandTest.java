package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What {@code ./hotline evaluate-suggestions} prints of intake's evaluation, without a running system. */
class EvaluateSuggestionsCommandTest {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static JsonNode json(String text) {
    return JSON.readTree(text);
  }

  @Test
  void printsTopOneAndTopThreeTheOrdersReplayedTheAcceptanceAndThatSeededDataIsGenerated() {
    List<String> lines = EvaluateSuggestionsCommand.format(json("""
        {"orders":1180,"category":{"top1":0.8432,"top3":0.97},"district":{"top1":0.9,"top3":1.0},
         "acceptance":{"offered":40,"categoryTaken":31,"districtTaken":38,"categoryRate":0.775,"districtRate":0.95}}"""));
    assertThat(lines).containsExactly(
        "Replayed 1180 closed work orders, each predicted when it was registered from those closed by then:",
        "  category  top-1 84.3 %   top-3 97.0 %",
        "  district  top-1 90.0 %   top-3 100.0 %",
        "Acceptance, as 40 registrations recorded it: category taken 31 times (77.5 %), district taken 38 times (95.0 %)",
        EvaluateSuggestionsCommand.SEEDED_NOTE);
    assertThat(EvaluateSuggestionsCommand.SEEDED_NOTE).contains("generated", "real city");
  }

  @Test
  void nothingToCountIsSaidSoRatherThanPrintedAsZero() {
    List<String> lines = EvaluateSuggestionsCommand.format(json("""
        {"orders":0,"category":{"top1":null,"top3":null},"district":{"top1":null,"top3":null},
         "acceptance":{"offered":0,"categoryTaken":0,"districtTaken":0,"categoryRate":null,"districtRate":null}}"""));
    assertThat(lines.get(1)).isEqualTo("  category  top-1 n/a   top-3 n/a");
    assertThat(lines.get(3)).isEqualTo("Acceptance: no registration has recorded a suggestion shown yet.");
  }

  @Test
  void takesNoOptions() {
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    int exit = EvaluateSuggestionsCommand.run(Settings.fromEnvironment(), List.of("--verbose"),
        new PrintStream(new ByteArrayOutputStream()), new PrintStream(err, true, StandardCharsets.UTF_8));
    assertThat(exit).isEqualTo(2);
    assertThat(err.toString(StandardCharsets.UTF_8)).contains("usage: ./hotline evaluate-suggestions");
  }
}
