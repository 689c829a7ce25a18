package city.hotline.gateway.operability;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceTestSupport;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * The gateway as an operator meets it: the actuator only on the management port (no token there),
 * the public port answering 404 for it; the sign-in counters and request metrics Prometheus
 * scrapes, without a ticket id or a username in them; and a caller's trace going on to the service.
 * The services are one stub that answers 200 and keeps the headers it was sent.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(OutputCaptureExtension.class)
class OperabilityTest {
  private static final String PASSWORD = "Hotline@12345";
  private static final String TRACE_ID = "4bf92f3577b34da6a3ce929d0e0e4736";
  private static final String CALLER_SPAN = "00f067aa0ba902b7";
  private static final Pattern TRACEPARENT = Pattern.compile("00-[0-9a-f]{32}-[0-9a-f]{16}-01");
  private static final StubService SERVICE = new StubService();

  @Value("${local.server.port}")
  int port;

  @Value("${local.management.port}")
  int managementPort;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "gateway-operability-it");
    registry.add("hotline.routes.intake-url", SERVICE::url);
    registry.add("hotline.routes.dispatch-url", SERVICE::url);
    registry.add("hotline.routes.feedback-url", SERVICE::url);
  }

  @AfterAll
  void stopService() {
    SERVICE.stop();
  }

  HttpJson publicPort() {
    return new HttpJson("http://localhost:" + port);
  }

  HttpJson managementPort() {
    return new HttpJson("http://localhost:" + managementPort);
  }

  HttpJson signedIn(String username) {
    Reply reply = publicPort().post("/api/auth/login", Map.of("username", username, "password", PASSWORD));
    assertThat(reply.status()).as("sign in " + username).isEqualTo(200);
    return publicPort().withToken(reply.body().path("token").asString());
  }

  String scrape() {
    HttpJson.Download scrape = managementPort().download("/actuator/prometheus");
    assertThat(scrape.status()).isEqualTo(200);
    return new String(scrape.body(), StandardCharsets.UTF_8);
  }

  /** The value of the one sample of {@code name} whose labels include {@code label}, 0 when there is none. */
  static double sample(String scrape, String name, String label) {
    return scrape.lines().filter(line -> line.startsWith(name + "{") && line.contains(label))
        .map(line -> Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1)))
        .reduce((one, another) -> {
          throw new AssertionError("more than one sample of " + name + " with " + label);
        }).orElse(0.0);
  }

  @Test
  void thePublicPortAnswers404ForTheActuatorWhoeverAsks() {
    HttpJson admin = signedIn("admin");
    for (HttpJson caller : List.of(publicPort(), admin)) {
      for (String path : List.of("/actuator", "/actuator/health", "/actuator/prometheus", "/actuator/env")) {
        assertThat(caller.download(path).status()).as(path).isEqualTo(404);
      }
      assertThat(caller.post("/actuator/shutdown", Map.of()).status()).isEqualTo(404);
    }
    assertThat(SERVICE.requests("/actuator")).as("nothing was passed on to a service").isEmpty();
  }

  @Test
  void healthAndMetricsAnswerOnTheManagementPortWithoutAToken() {
    Reply health = managementPort().get("/actuator/health");
    assertThat(health.status()).isEqualTo(200);
    assertThat(health.body().path("status").asString()).isEqualTo("UP");

    String scrape = scrape();
    assertThat(scrape).contains("jvm_memory_used_bytes{").contains("application=\"gateway\"");
  }

  @Test
  void aWrongPasswordIsCountedByReasonAndALockedAccountAsThrottledNeverByName() {
    String username = "counted-guess-target";
    String failures = "hotline_signin_failures_total";
    String throttled = "hotline_signin_throttled_total";
    String before = scrape();

    assertThat(publicPort().post("/api/auth/login", Map.of("username", username, "password", "wrong")).status())
        .isEqualTo(401);
    String afterOne = scrape();
    assertThat(sample(afterOne, failures, "reason=\"bad_credentials\""))
        .isEqualTo(sample(before, failures, "reason=\"bad_credentials\"") + 1);
    assertThat(sample(afterOne, throttled, "scope=\"account\"")).isEqualTo(sample(before, throttled, "scope=\"account\""));

    for (int attempt = 2; attempt <= 5; attempt++) {
      publicPort().post("/api/auth/login", Map.of("username", username, "password", "wrong"));
    }
    assertThat(publicPort().post("/api/auth/login", Map.of("username", username, "password", PASSWORD)).status())
        .as("locked").isEqualTo(429);
    String afterLock = scrape();
    assertThat(sample(afterLock, throttled, "scope=\"account\""))
        .isEqualTo(sample(before, throttled, "scope=\"account\"") + 1);
    assertThat(sample(afterLock, throttled, "scope=\"address\"")).isEqualTo(sample(before, throttled, "scope=\"address\""));
    assertThat(afterLock).doesNotContain(username);
  }

  @Test
  void requestMetricsNameTheRouteNeverTheTicketIdInThePath() {
    Reply proxied = signedIn("leader").get("/api/complaints/WH20261207000123");
    assertThat(proxied.status()).as("answered by the stub service").isEqualTo(200);
    assertThat(publicPort().get("/api/cases/WH20261207000999").status()).as("refused at the door").isEqualTo(401);

    String scrape = scrape();
    assertThat(sample(scrape, "http_server_requests_seconds_count",
        "method=\"GET\",outcome=\"SUCCESS\",status=\"200\",uri=\"/api/complaints/**\"")).isGreaterThanOrEqualTo(1);
    assertThat(scrape).as("percentile histogram buckets")
        .containsPattern("http_server_requests_seconds_bucket\\{[^}]*uri=\"/api/complaints/\\*\\*\"");
    assertThat(scrape).doesNotContain("WH20261207000123").doesNotContain("WH20261207000999");
  }

  @Test
  void theServiceReceivesTheCallersTraceAndAGatewayStartedOneWhenTheCallerSentNone() {
    HttpJson leader = signedIn("leader");

    assertThat(leader.withHeader("traceparent", "00-" + TRACE_ID + "-" + CALLER_SPAN + "-01")
        .get("/api/complaints/WH20261207000124").status()).isEqualTo(200);
    String continued = SERVICE.lastHeader("/api/complaints/WH20261207000124", "traceparent").orElseThrow();
    assertThat(continued).matches(TRACEPARENT).startsWith("00-" + TRACE_ID + "-");
    assertThat(continued).as("the gateway's own span is the service's parent").doesNotContain(CALLER_SPAN);

    assertThat(leader.get("/api/complaints/WH20261207000125").status()).isEqualTo(200);
    assertThat(SERVICE.lastHeader("/api/complaints/WH20261207000125", "traceparent").orElseThrow())
        .matches(TRACEPARENT).doesNotContain(TRACE_ID);
  }

  @Test
  void aLogLineWrittenWhileARequestIsWorkedOnCarriesItsTraceId(CapturedOutput output) {
    String traceId = "0af7651916cd43dd8448eb211c80319c";
    publicPort().withHeader("traceparent", "00-" + traceId + "-b7ad6b7169203331-01")
        .post("/api/auth/login", Map.of("username", "traced-guess", "password", "wrong"));

    assertThat(output.getOut().lines().filter(line -> line.contains("sign-in refused")))
        .anySatisfy(line -> assertThat(line).contains(traceId));
  }

  /** The three services in one: answers every request with 200 {} and remembers its headers by path. */
  static final class StubService {
    private final HttpServer server;
    private final Map<String, Map<String, List<String>>> headersByPath = new ConcurrentHashMap<>();

    StubService() {
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/", exchange -> {
        headersByPath.put(exchange.getRequestURI().getPath(), Map.copyOf(exchange.getRequestHeaders()));
        byte[] body = "{}".getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(200, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
      });
      server.start();
    }

    String url() {
      return "http://127.0.0.1:" + server.getAddress().getPort();
    }

    List<String> requests(String pathPrefix) {
      return headersByPath.keySet().stream().filter(path -> path.startsWith(pathPrefix)).toList();
    }

    /** JDK's server keys headers as First-Letter-Capitalised. */
    Optional<String> lastHeader(String path, String name) {
      return Optional.ofNullable(headersByPath.get(path)).flatMap(headers -> headers.entrySet().stream()
          .filter(header -> header.getKey().equalsIgnoreCase(name)).findFirst())
          .map(header -> header.getValue().get(0));
    }

    void stop() {
      server.stop(0);
    }
  }
}
