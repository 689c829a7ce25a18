package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.infra.EmbeddedSystem;
import city.hotline.infra.Settings;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.TopicProbe;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

/**
 * Operators must not notice a Kafka outage (issue 4): with the broker stopped, calls are still
 * registered; when it returns, every one of them is dispatched, and none twice.
 */
class KafkaOutageIT {
  private static final int CALLS = 100;
  private static final Duration RECOVERY = Duration.ofMinutes(3);
  private static final String DEMO_PASSWORD = "Hotline@12345";

  private static HttpJson signIn(HttpJson gateway, String username) {
    Reply reply = gateway.post("/api/auth/login", Map.of("username", username, "password", DEMO_PASSWORD));
    assertThat(reply.status()).isEqualTo(200);
    return gateway.withToken(reply.body().path("token").asString());
  }

  @Test
  void callsRegisteredWhileKafkaIsDownAreAllDispatchedOnceWhenItIsBack() {
    Settings settings = RunningSystem.get();
    EmbeddedSystem system = RunningSystem.system();
    HttpJson gateway = new HttpJson(settings.gatewayUrl());
    HttpJson operator = signIn(gateway, "operator");
    HttpJson dispatcher = signIn(gateway, "dispatcher");
    Map<String, Object> call = Map.of(
        "callerName", "周敏", "callerPhone", "13711112222", "district", "QINGSHAN", "category", "DRAINAGE",
        "urgency", "URGENT", "address", "青山区和平大道", "description", "路口积水严重");

    system.stop("kafka");
    List<String> tickets = new ArrayList<>();
    try {
      for (int i = 0; i < CALLS; i++) {
        Reply registered = operator.post("/api/complaints", call);
        assertThat(registered.status()).as("call %d while Kafka is down", i).isEqualTo(201);
        tickets.add(registered.body().path("ticketId").asString());
      }
    } finally {
      system.up();
    }

    await().atMost(RECOVERY).pollInterval(Duration.ofSeconds(2)).until(() ->
        tickets.stream().allMatch(t -> dispatcher.get("/api/cases/" + t).status() == 200));
    try (TopicProbe probe = new TopicProbe(settings.kafkaBootstrapServers(), "hotline.dispatch.events")) {
      // Every ticket seen dispatched is not yet every record on the topic: a second CaseDispatched may lie further on.
      await().atMost(RECOVERY).until(() -> dispatchedOnce(probe, tickets).size() == CALLS && probe.readToEnd());
      Map<String, Long> dispatched = dispatchedOnce(probe, tickets);
      assertThat(dispatched.values()).as("CaseDispatched per ticket").containsOnly(1L);
    }
  }

  private static Map<String, Long> dispatchedOnce(TopicProbe probe, List<String> tickets) {
    return probe.records().stream()
        .filter(r -> tickets.contains(r.key()) && r.value().contains("\"eventType\":\"CaseDispatched\""))
        .map(r -> r.key())
        .collect(Collectors.groupingBy(Function.identity(), Collectors.counting()));
  }
}
