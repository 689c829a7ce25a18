package city.hotline.infra;

import city.hotline.infra.client.ApiClient;
import java.time.Duration;
import java.util.List;
import tools.jackson.databind.JsonNode;

/**
 * {@code ./hotline reconcile [--wait SECONDS]}: checks the whole system's books through the gateway as an
 * administrator (GET /api/admin/reconciliation) and prints every ticket whose services disagree. Events
 * still on their way can make the books disagree for a moment: with {@code --wait} it checks again every
 * few seconds until they agree or the time is up. Exit 0 when they agree.
 */
final class ReconcileCommand {
  private static final Duration RETRY = Duration.ofSeconds(3);

  private ReconcileCommand() {}

  static int run(Settings settings, List<String> options) throws InterruptedException {
    Duration wait;
    try {
      wait = parseWait(options);
    } catch (IllegalArgumentException e) {
      System.err.println(e.getMessage());
      return 2;
    }
    ApiClient.Admin admin = ApiClient.asAdmin(settings.gatewayUrl(), System.getenv());
    long deadline = System.nanoTime() + wait.toNanos();
    while (true) {
      ApiClient.Reply reply = admin.get("/api/admin/reconciliation");
      if (reply.status() == 200 && agrees(reply.body())) {
        System.out.println("The books agree: " + reply.body().path("tickets").asLong() + " tickets checked.");
        return 0;
      }
      if (System.nanoTime() - deadline >= 0) {
        return report(reply);
      }
      Thread.sleep(RETRY.toMillis());
    }
  }

  static Duration parseWait(List<String> options) {
    if (options.isEmpty()) {
      return Duration.ZERO;
    }
    if (options.size() == 2 && options.get(0).equals("--wait") && options.get(1).matches("\\d{1,5}")) {
      return Duration.ofSeconds(Long.parseLong(options.get(1)));
    }
    throw new IllegalArgumentException("usage: ./hotline reconcile [--wait SECONDS]");
  }

  private static boolean agrees(JsonNode report) {
    return report.path("discrepancies").isEmpty() && report.path("statistics").isEmpty();
  }

  private static int report(ApiClient.Reply reply) {
    if (reply.status() != 200) {
      System.err.println("reconciliation failed: HTTP " + reply.status() + " " + reply.body().path("detail").asString(""));
      return 1;
    }
    JsonNode report = reply.body();
    System.out.println(report.path("discrepancies").size() + " discrepancies in " + report.path("tickets").asLong()
        + " tickets:");
    for (JsonNode d : report.path("discrepancies")) {
      System.out.printf("  %-18s %-45s %s%n", d.path("ticketId").asString(), d.path("rule").asString(),
          d.path("detail").asString());
    }
    JsonNode stats = report.path("statistics");
    if (!stats.isEmpty()) {
      System.out.println(stats.size() + " statistics counters differ from a recount"
          + (report.path("statisticsSettled").asBoolean() ? "" : " (roll-up still running)") + ":");
      for (JsonNode s : stats) {
        System.out.printf("  %-60s %-18s shown %d, recount %d%n", s.path("cell").asString(), s.path("figure").asString(),
            s.path("rolledUp").asLong(), s.path("recount").asLong());
      }
    }
    return 1;
  }
}
