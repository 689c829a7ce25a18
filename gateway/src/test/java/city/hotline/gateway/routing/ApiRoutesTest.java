package city.hotline.gateway.routing;

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
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Which service answers which path (SPEC §7, §8.4): three stub services that each answer with their own name, so a
 * request that reaches the wrong one, or none, shows.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRoutesTest {
  private static final String PASSWORD = "Hotline@12345";
  private static final StubService INTAKE = new StubService("intake");
  private static final StubService DISPATCH = new StubService("dispatch");
  private static final StubService FEEDBACK = new StubService("feedback");

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "gateway-routes-it");
    registry.add("hotline.routes.intake-url", INTAKE::url);
    registry.add("hotline.routes.dispatch-url", DISPATCH::url);
    registry.add("hotline.routes.feedback-url", FEEDBACK::url);
  }

  @AfterAll
  void stopServices() {
    Stream.of(INTAKE, DISPATCH, FEEDBACK).forEach(StubService::stop);
  }

  HttpJson as(String username) {
    HttpJson anonymous = new HttpJson("http://localhost:" + port);
    Reply reply = anonymous.post("/api/auth/login", Map.of("username", username, "password", PASSWORD));
    assertThat(reply.status()).as("sign in " + username).isEqualTo(200);
    return anonymous.withToken(reply.body().path("token").asString());
  }

  static Stream<Arguments> routes() {
    return Stream.of(
        // who, method, path, the service that answers
        Arguments.of("editor", "GET", "/api/knowledge/articles?q=x", "intake"),
        Arguments.of("operator", "GET", "/api/knowledge/articles/KB000001", "intake"),
        Arguments.of("editor", "POST", "/api/knowledge/articles", "intake"),
        Arguments.of("editor", "PUT", "/api/knowledge/articles/KB000001", "intake"),
        Arguments.of("editor", "POST", "/api/knowledge/articles/KB000001/publish", "intake"),
        Arguments.of("jiangan", "POST", "/api/knowledge/proposals", "intake"),
        Arguments.of("editor", "GET", "/api/knowledge/proposals", "intake"),
        Arguments.of("editor", "POST", "/api/knowledge/proposals/P000001/accept", "intake"),
        Arguments.of("operator", "POST", "/api/complaints/suggestions", "intake"),
        Arguments.of("admin", "GET", "/api/admin/suggestions/evaluation", "intake"),
        Arguments.of("operator", "POST", "/api/complaints", "intake"),
        Arguments.of("jiangan", "GET", "/api/cases", "dispatch"),
        Arguments.of("admin", "GET", "/api/admin/routing-rules", "dispatch"),
        Arguments.of("leader", "GET", "/api/dashboard/summary", "feedback"),
        Arguments.of("admin", "GET", "/api/admin/stats/rebuild", "feedback"));
  }

  @ParameterizedTest(name = "{0} {1} {2} -> {3}")
  @MethodSource("routes")
  void eachPathReachesItsService(String username, String method, String path, String service) {
    HttpJson client = as(username);
    Reply reply = switch (method) {
      case "GET" -> client.get(path);
      case "PUT" -> client.put(path, Map.of());
      default -> client.post(path, Map.of());
    };
    assertThat(reply.status()).isEqualTo(200);
    assertThat(reply.body().path("service").asString()).isEqualTo(service);
    String pathOnly = path.contains("?") ? path.substring(0, path.indexOf('?')) : path;
    assertThat(Stream.of(INTAKE, DISPATCH, FEEDBACK).filter(s -> s.received(method + " " + pathOnly)))
        .extracting(s -> s.name).containsExactly(service);
  }

  /** One service: answers every request with 200 {"service": its name} and remembers what it was asked. */
  static final class StubService {
    private final String name;
    private final HttpServer server;
    private final List<String> requests = new CopyOnWriteArrayList<>();

    StubService(String name) {
      this.name = name;
      try {
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
      server.createContext("/", exchange -> {
        requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
        byte[] body = ("{\"service\":\"" + name + "\"}").getBytes(StandardCharsets.UTF_8);
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

    boolean received(String request) {
      return requests.contains(request);
    }

    void stop() {
      server.stop(0);
    }
  }
}
