package city.hotline.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceTestSupport;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Which service answers which path (SPEC §7, §8.4, §8.5): three stub services that each answer with their own name,
 * so a request that reaches the wrong one, or none, shows; feedback's stub also serves a live alert stream.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ApiRoutesTest {
  private static final String PASSWORD = "Hotline@12345";
  private static final StubService INTAKE = new StubService("intake");
  private static final StubService DISPATCH = new StubService("dispatch");
  private static final StubService FEEDBACK = new StubService("feedback");
  private static final Duration READ_TIMEOUT = Duration.ofSeconds(2);
  private static final Duration HEARTBEAT = Duration.ofMillis(500);
  private static final String STREAM = "/api/dashboard/alerts/stream";

  @Value("${local.server.port}")
  int port;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "gateway-routes-it");
    registry.add("hotline.routes.intake-url", INTAKE::url);
    registry.add("hotline.routes.dispatch-url", DISPATCH::url);
    registry.add("hotline.routes.feedback-url", FEEDBACK::url);
    // Short, so a stream kept alive by its heartbeat outlives it; few places, so a stream that took one shows.
    registry.add("hotline.routes.read-timeout", () -> READ_TIMEOUT.toMillis() + "ms");
    registry.add("hotline.traffic.max-in-flight", () -> "2");
    registry.add("hotline.traffic.streams.max", () -> "2");
  }

  @AfterAll
  void stopServices() {
    Stream.of(INTAKE, DISPATCH, FEEDBACK).forEach(StubService::stop);
  }

  String token(String username) {
    Reply reply = new HttpJson("http://localhost:" + port).post("/api/auth/login",
        Map.of("username", username, "password", PASSWORD));
    assertThat(reply.status()).as("sign in " + username).isEqualTo(200);
    return reply.body().path("token").asString();
  }

  HttpJson as(String username) {
    return new HttpJson("http://localhost:" + port).withToken(token(username));
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
        Arguments.of("leader", "GET", "/api/dashboard/heat", "feedback"),
        Arguments.of("dispatcher", "GET", "/api/dashboard/alerts", "feedback"),
        Arguments.of("dispatcher", "POST", "/api/dashboard/alerts/SRG-GAS_SAFETY-HANNAN-1/acknowledge", "feedback"),
        Arguments.of("dispatcher", "POST", "/api/complaints/WH20261123000002/merge", "intake"),
        Arguments.of("dispatcher", "POST", "/api/cases/WH20261123000002/press", "dispatch"),
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

  /**
   * The alert banner's live stream through the gateway: each event arrives as it is sent, long before the stream
   * ends; a stream kept alive by its heartbeat outlives the gateway's read timeout; and open streams take places of
   * their own, so requests are still answered (two places for each here).
   */
  @Test
  void aLiveStreamArrivesAsItIsSentOnAPlaceOfItsOwn() {
    String token = token("dispatcher");
    try (LineReader first = new LineReader(port, STREAM, token); LineReader second = new LineReader(port, STREAM, token)) {
      assertThat(first.status).isEqualTo(200);
      assertThat(first.contentType).startsWith("text/event-stream");
      await().atMost(Duration.ofSeconds(30)).until(() -> first.lines().contains(StubService.EVENT_DATA)
          && second.lines().contains(StubService.EVENT_DATA));
      assertThat(first.lines()).as("the heartbeats that kept it open, then the event").startsWith(":open", "")
          .contains(":heartbeat", "event:alert");
      assertThat(FEEDBACK.streamsOpen()).as("the service has not ended them").isEqualTo(2);

      assertThat(as("leader").get("/api/dashboard/summary").status()).as("the requests' places are free").isEqualTo(200);
      Reply third = as("dispatcher").get(STREAM);
      assertThat(third.status()).as("the streams' places are taken").isEqualTo(503);
      assertThat(third.body().path("detail").asString()).contains("live streams");
    } finally {
      FEEDBACK.endStreams();
    }
  }

  /** Reads a response line by line as it arrives, on a thread of its own, like a page's fetch reader. */
  static final class LineReader implements AutoCloseable {
    final int status;
    final String contentType;
    private final InputStream body;
    private final List<String> lines = new CopyOnWriteArrayList<>();

    LineReader(int port, String path, String token) {
      try {
        HttpResponse<InputStream> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
            URI.create("http://localhost:" + port + path)).header("Authorization", "Bearer " + token)
            .header("Accept", "text/event-stream").GET().build(), HttpResponse.BodyHandlers.ofInputStream());
        status = response.statusCode();
        contentType = response.headers().firstValue("Content-Type").orElse("");
        body = response.body();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException(e);
      }
      Thread reader = new Thread(() -> {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(body, StandardCharsets.UTF_8))) {
          in.lines().forEach(lines::add);
        } catch (IOException | UncheckedIOException closed) {
          // the test closed it, or the stream ended
        }
      }, "line-reader");
      reader.setDaemon(true);
      reader.start();
    }

    List<String> lines() {
      return List.copyOf(lines);
    }

    @Override
    public void close() {
      try {
        body.close();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
  }

  /**
   * One service: answers every request with 200 {"service": its name} and remembers what it was asked; its live
   * stream beats for longer than the gateway's read timeout, sends one alert, then stays open until ended.
   */
  static final class StubService {
    static final String EVENT_DATA = "data:{\"id\":\"SRG-GAS_SAFETY-HANNAN-1\",\"state\":\"OPEN\"}";
    private final AtomicInteger streamsOpen = new AtomicInteger();
    private volatile CountDownLatch streamsEnd = new CountDownLatch(1);
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
      server.setExecutor(Executors.newCachedThreadPool()); // streams stay open while others are answered
      server.createContext(STREAM, this::stream);
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

    private void stream(HttpExchange exchange) throws IOException {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      CountDownLatch end = streamsEnd;
      streamsOpen.incrementAndGet();
      try (OutputStream out = exchange.getResponseBody()) {
        send(out, ":open\n\n");
        long beats = READ_TIMEOUT.dividedBy(HEARTBEAT) + 2;
        for (int i = 0; i < beats && !end.await(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS); i++) {
          send(out, ":heartbeat\n\n");
        }
        send(out, "event:alert\n" + EVENT_DATA + "\n\n");
        end.await();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      } finally {
        streamsOpen.decrementAndGet();
      }
    }

    private static void send(OutputStream out, String text) throws IOException {
      out.write(text.getBytes(StandardCharsets.UTF_8));
      out.flush();
    }

    int streamsOpen() {
      return streamsOpen.get();
    }

    void endStreams() {
      streamsEnd.countDown();
      streamsEnd = new CountDownLatch(1);
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
