package city.hotline.system.faults;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import city.hotline.infra.EmbeddedSystem;
import city.hotline.infra.Settings;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

/**
 * The real Prometheus (Debian's) on the fault system, as {@code ./hotline up --with-prometheus} starts it, with the
 * repository's ops/prometheus: it scrapes every service, and when Kafka is killed the calls still taken wait in
 * intake's outbox until HotlineOutboxStale fires; when Kafka is back the outbox drains, the call is dispatched and
 * the alert clears by itself.
 */
class PrometheusIT {
  private static final Set<String> JOBS = Set.of("intake-service", "dispatch-service", "feedback-service", "gateway",
      "kafka", "intake-store", "dispatch-store", "feedback-store", "gateway-store");
  private static final String OUTBOX_STALE = "HotlineOutboxStale";
  /** The first scrapes: every target is scraped every 5 s (ops/prometheus/prometheus.yml). */
  private static final Duration SCRAPED = Duration.ofMinutes(1);
  /** The 30 s threshold, the rule's 15 s, a scrape and an evaluation of 5 s each, and room for a busy machine. */
  private static final Duration FIRES = Duration.ofMinutes(2);
  private static final Duration RECOVERY = Duration.ofMinutes(3);
  private static final Duration POLL = Duration.ofSeconds(1);

  private static EmbeddedSystem system;
  private static Settings settings;
  private static HttpJson prometheus;

  @BeforeAll
  static void startPrometheus() {
    assumeTrue(Files.isExecutable(Path.of(Settings.DEFAULT_PROMETHEUS)),
        Settings.DEFAULT_PROMETHEUS + " is not installed (Debian package prometheus, which .ci/run installs): "
            + "the alert rules are not run on a real Prometheus");
    // The fault system, and Prometheus on it: up() starts only what is not running yet.
    system = new EmbeddedSystem(FaultSystem.settings().withPrometheus(true));
    system.up();
    settings = system.settings();
    prometheus = new HttpJson(settings.prometheusUrl());
  }

  @AfterAll
  static void stopPrometheus() {
    if (system != null) {
      system.stop("prometheus"); // the next fault tests run without it, as before
    }
  }

  @Test
  void theOutboxAlertFiresWhileKafkaIsDownAndClearsOnceTheCallIsDispatched() {
    await().atMost(SCRAPED).pollInterval(POLL).untilAsserted(() ->
        assertThat(healthyJobs()).as("jobs whose target is up; targets: %s", targets()).isEqualTo(JOBS));

    HttpJson operator = Reconciled.signIn(settings, "operator");
    HttpJson dispatcher = Reconciled.signIn(settings, "dispatcher");
    String before = registered(register(operator, 1));
    await().atMost(RECOVERY).pollInterval(POLL).until(() -> dispatcher.get("/api/cases/" + before).status() == 200);
    assertThat(alerts(OUTBOX_STALE)).as("nothing waits while Kafka works").isEmpty();
    assertThat(firing()).as("a healthy system raises no alert").isEmpty();

    long killed = System.nanoTime();
    system.kill("kafka");
    String during;
    try {
      during = registered(register(operator, 2));
      await().atMost(FIRES).pollInterval(POLL).until(() -> alerts(OUTBOX_STALE).stream().anyMatch(alert ->
          alert.path("state").asString().equals("firing")
              && alert.path("labels").path("job").asString().equals("intake-service")));
      report("HotlineOutboxStale firing %.0f s after Kafka was killed", killed);
      assertThat(healthyJobs()).as("the killed broker's own target is down; targets: %s", targets())
          .isEqualTo(JOBS.stream().filter(job -> !job.equals("kafka")).collect(Collectors.toSet()));
    } finally {
      system.up();
    }

    long restarted = System.nanoTime();
    await().atMost(RECOVERY).pollInterval(POLL).until(() -> dispatcher.get("/api/cases/" + during).status() == 200);
    report("the call taken while Kafka was down dispatched %.0f s after Kafka was back", restarted);
    await().atMost(RECOVERY).pollInterval(POLL).until(() -> alerts(OUTBOX_STALE).isEmpty());
    report("HotlineOutboxStale gone %.0f s after Kafka was back", restarted);
    await().atMost(RECOVERY).pollInterval(POLL).untilAsserted(() -> assertThat(healthyJobs())
        .as("Kafka's outage took no service down, and the broker is scraped again; targets: %s", targets())
        .isEqualTo(JOBS));
    Reconciled.books(settings);
  }

  /** Prometheus's targets: job, URL, health and the last scrape's error. */
  private static List<String> targets() {
    List<String> targets = new ArrayList<>();
    for (JsonNode target : activeTargets()) {
      targets.add(target.path("labels").path("job").asString() + " " + target.path("scrapeUrl").asString() + " "
          + target.path("health").asString() + " " + target.path("lastError").asString());
    }
    return targets;
  }

  private static JsonNode activeTargets() {
    Reply reply = prometheus.get("/api/v1/targets?state=active");
    assertThat(reply.status()).isEqualTo(200);
    return reply.body().path("data").path("activeTargets");
  }

  /** The jobs of the targets Prometheus scraped successfully last time ({@code /api/v1/targets}). */
  private static Set<String> healthyJobs() {
    Set<String> jobs = new TreeSet<>();
    for (JsonNode target : activeTargets()) {
      if (target.path("health").asString().equals("up")) {
        jobs.add(target.path("labels").path("job").asString());
      }
    }
    return jobs;
  }

  /** The pending and firing alerts of that name ({@code /api/v1/alerts}: a resolved alert is no longer listed). */
  private static List<JsonNode> alerts(String name) {
    Reply reply = prometheus.get("/api/v1/alerts");
    assertThat(reply.status()).isEqualTo(200);
    List<JsonNode> alerts = new ArrayList<>();
    for (JsonNode alert : reply.body().path("data").path("alerts")) {
      if (alert.path("labels").path("alertname").asString().equals(name)) {
        alerts.add(alert);
      }
    }
    return alerts;
  }

  /** The names and labels of the alerts firing now. */
  private static List<String> firing() {
    Reply reply = prometheus.get("/api/v1/alerts");
    assertThat(reply.status()).isEqualTo(200);
    List<String> firing = new ArrayList<>();
    for (JsonNode alert : reply.body().path("data").path("alerts")) {
      if (alert.path("state").asString().equals("firing")) {
        firing.add(alert.path("labels").toString());
      }
    }
    return firing;
  }

  private static Reply register(HttpJson operator, int n) {
    return operator.post("/api/complaints", Map.of(
        "callerName", "测试", "callerPhone", "1371234%04d".formatted(n), "district", "HONGSHAN",
        "category", "STREET_LIGHTING", "urgency", "NORMAL",
        "address", "洪山区珞喻路" + n + "号", "description", "监控测试第" + n + "号路灯"));
  }

  private static String registered(Reply reply) {
    assertThat(reply.status()).as("the call is taken: " + reply.raw()).isBetween(200, 299);
    return reply.body().path("ticketId").asString();
  }

  private static void report(String what, long sinceNanos) {
    System.out.printf("PrometheusIT: " + what + "%n", (System.nanoTime() - sinceNanos) / 1e9);
  }
}
