package city.hotline.infra;

import city.hotline.infra.client.ApiClient;
import java.io.PrintStream;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./hotline evaluate-suggestions}: asks intake, through the gateway as an administrator, to replay the closed
 * work orders on one time line (each predicted when it was registered by a model trained only on those closed by
 * then) and prints top-1 and top-3 accuracy for the category and the district, and how often operators took the
 * suggestion shown, as the registrations recorded it (GET /api/admin/suggestions/evaluation).
 */
final class EvaluateSuggestionsCommand {
  static final String SEEDED_NOTE = "Note: the seeded calls are generated (./hotline seed draws each description from a "
      + "few phrases per category and each address from a few roads of its district), so these figures say nothing "
      + "about how the suggestions would do on a real city's calls.";

  private EvaluateSuggestionsCommand() {}

  static int run(Settings settings, List<String> options, PrintStream out, PrintStream err) {
    if (!options.isEmpty()) {
      err.println("usage: ./hotline evaluate-suggestions");
      return 2;
    }
    ApiClient.Reply reply = ApiClient.asAdmin(settings.gatewayUrl(), System.getenv())
        .get("/api/admin/suggestions/evaluation");
    if (reply.status() != 200) {
      err.println("the evaluation failed: HTTP " + reply.status() + " " + reply.body().path("detail").asString(""));
      return 1;
    }
    format(reply.body()).forEach(out::println);
    return 0;
  }

  /** The report's lines, from the endpoint's JSON. */
  static List<String> format(JsonNode evaluation) {
    List<String> lines = new ArrayList<>();
    long orders = evaluation.path("orders").asLong();
    lines.add("Replayed " + orders + " closed work orders, each predicted when it was registered from those closed "
        + "by then:");
    lines.add(String.format(Locale.ROOT, "  category  top-1 %s   top-3 %s", percent(evaluation.path("category").path("top1")),
        percent(evaluation.path("category").path("top3"))));
    lines.add(String.format(Locale.ROOT, "  district  top-1 %s   top-3 %s", percent(evaluation.path("district").path("top1")),
        percent(evaluation.path("district").path("top3"))));
    JsonNode acceptance = evaluation.path("acceptance");
    long offered = acceptance.path("offered").asLong();
    if (offered == 0) {
      lines.add("Acceptance: no registration has recorded a suggestion shown yet.");
    } else {
      lines.add("Acceptance, as " + offered + " registrations recorded it: category taken "
          + acceptance.path("categoryTaken").asLong() + " times (" + percent(acceptance.path("categoryRate"))
          + "), district taken " + acceptance.path("districtTaken").asLong() + " times ("
          + percent(acceptance.path("districtRate")) + ")");
    }
    lines.add(SEEDED_NOTE);
    return lines;
  }

  /** A fraction as a percentage with one decimal, or "n/a" when there was nothing to count. */
  static String percent(JsonNode fraction) {
    if (fraction == null || fraction.isMissingNode() || fraction.isNull()) {
      return "n/a";
    }
    return String.format(Locale.ROOT, "%.1f %%", fraction.asDouble() * 100);
  }
}
