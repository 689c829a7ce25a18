package city.hotline.infra;

import city.hotline.infra.client.ApiClient;
import java.util.Map;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./hotline rebuild-stats}: asks feedback, through the gateway as an administrator, to recompute
 * the statistics from the topics, and waits until the dashboard shows the new figures.
 */
final class RebuildStatsCommand {
  private static final long POLL_MILLIS = 1000;

  private RebuildStatsCommand() {}

  static int run(Settings settings) throws InterruptedException {
    ApiClient.Admin admin = ApiClient.asAdmin(settings.gatewayUrl(), System.getenv());
    ApiClient.Reply started = admin.post("/api/admin/stats/rebuild", Map.of());
    if (started.status() != 202) {
      System.err.println("the rebuild did not start: HTTP " + started.status() + " " + started.body().path("detail").asString(""));
      return 1;
    }
    int generation = started.body().path("rebuild").path("generation").asInt();
    System.out.println("Rebuilding the statistics from the topics into generation " + generation + " …");
    while (true) {
      Thread.sleep(POLL_MILLIS);
      JsonNode status = admin.get("/api/admin/stats/rebuild").body();
      JsonNode rebuild = status.path("rebuild");
      String state = rebuild.path("state").asString("");
      if ("FAILED".equals(state)) {
        System.err.println("the rebuild failed: " + rebuild.path("error").asString(""));
        return 1;
      }
      if ("DONE".equals(state) && status.path("readGeneration").asInt() == generation) {
        System.out.println("Done: " + rebuild.path("records").asLong() + " records counted; the dashboard shows generation "
            + generation + ".");
        return 0;
      }
      System.out.println("  " + rebuild.path("records").asLong() + " records so far");
    }
  }
}
