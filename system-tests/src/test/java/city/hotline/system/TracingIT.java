package city.hotline.system;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.infra.Settings;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * One trace from the call to the timeline: a registration sent with a W3C {@code traceparent} is logged
 * under that trace by intake when it registers the call, by dispatch when it opens the case from the
 * Kafka event (the context travelled in the outbox entry and the record's headers), and by intake again
 * when the dispatch event comes back as a timeline step. Read from the services' structured logs, as an
 * operator following a trace id through them would.
 */
class TracingIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final ObjectMapper JSON = new ObjectMapper();

  @Test
  void aCallsTraceContinuesThroughRegistrationDispatchAndTheTimelineStep() {
    Settings settings = RunningSystem.get();
    HttpJson gateway = new HttpJson(settings.gatewayUrl());
    Reply login = gateway.post("/api/auth/login", Map.of("username", "operator", "password", Chromium.DEMO_PASSWORD));
    assertThat(login.status()).isEqualTo(200);
    String traceId = randomHex(16);
    HttpJson operator = gateway.withToken(login.body().path("token").asString())
        .withHeader("traceparent", "00-" + traceId + "-" + randomHex(8) + "-01");

    Reply registered = operator.post("/api/complaints", Map.of(
        "callerName", "王五", "callerPhone", "13712345678", "district", "JIANGAN", "category", "STREET_LIGHTING",
        "urgency", "NORMAL", "address", "江岸区中山大道800号", "description", "路灯白天一直亮着"));
    assertThat(registered.status()).isEqualTo(201);
    String ticketId = registered.body().path("ticketId").asString();

    Path logs = settings.layout().logsDir();
    await().atMost(WAIT).untilAsserted(() -> {
      assertThat(tracesOf(logs.resolve("intake-service.log"), ticketId, "complaint registered"))
          .as("intake's registration").containsOnly(traceId);
      assertThat(tracesOf(logs.resolve("dispatch-service.log"), ticketId, "case opened"))
          .as("dispatch's case, opened from the Kafka event").containsOnly(traceId);
      assertThat(tracesOf(logs.resolve("intake-service.log"), ticketId, "timeline step"))
          .as("intake's timeline step, from dispatch's event").contains(traceId);
    });
  }

  /** The trace ids of a service's log lines about a ticket whose message starts with {@code message}. */
  private static List<String> tracesOf(Path log, String ticketId, String message) {
    try (Stream<String> lines = Files.lines(log)) {
      return lines.filter(line -> line.contains(ticketId) && line.contains(message))
          .map(TracingIT::parse)
          .filter(line -> line.path("message").asString().startsWith(message)
              && line.path("message").asString().contains("ticketId=" + ticketId + " "))
          .map(line -> line.path("traceId").asString())
          .toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static JsonNode parse(String line) {
    return JSON.readTree(line);
  }

  private static String randomHex(int bytes) {
    byte[] random = new byte[bytes];
    ThreadLocalRandom.current().nextBytes(random);
    return HexFormat.of().formatHex(random);
  }
}
