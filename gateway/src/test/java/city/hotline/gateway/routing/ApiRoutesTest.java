package city.hotline.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.testsupport.EventStreamReader;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceTestSupport;
import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
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
    registry.add("hotline.traffic.streams.max", () -> "1");
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
   * their own (one here), so requests are still answered (two places) while a second stream is refused.
   */
  @Test
  void aLiveStreamArrivesAsItIsSentOnAPlaceOfItsOwn() {
    String dispatcher = token("dispatcher");
    HttpJson leader = as("leader");
    try (EventStreamReader stream = openStream(dispatcher)) {
      assertThat(stream.contentType()).startsWith("text/event-stream");
      await().atMost(Duration.ofSeconds(30)).until(() -> stream.lines().contains(StubService.EVENT_DATA));
      assertThat(stream.lines()).as("the heartbeats that kept it open, then the event").startsWith(":open", "")
          .contains(":heartbeat", "event:alert");
      assertThat(FEEDBACK.streamsOpen()).as("the service has not ended it").isEqualTo(1);

      assertThat(leader.get("/api/dashboard/summary").status()).as("the requests' places are free").isEqualTo(200);
      Reply second = new HttpJson(url("")).withToken(dispatcher).get(STREAM);
      assertThat(second.status()).as("the streams' place is taken").isEqualTo(503);
      assertThat(second.body().path("detail").asString()).contains("live streams");
    } finally {
      endStreams();
    }
  }

  /**
   * A page that is left ends its stream at once, all the way to the service: the gateway cuts the service's
   * connection instead of reading the stream to its end (minutes, kept alive by its heartbeat), so the service's
   * stream, the gateway's thread and the stream's place are free again.
   */
  @Test
  void aStreamTheCallerLeftEndsAtTheServiceAndFreesItsPlace() {
    String dispatcher = token("dispatcher");
    try {
      try (EventStreamReader stream = openStream(dispatcher)) {
        await().atMost(Duration.ofSeconds(10)).until(() -> stream.lines().contains(":heartbeat"));
        assertThat(FEEDBACK.streamsOpen()).isEqualTo(1);
      }
      await().atMost(Duration.ofSeconds(10)).untilAsserted(() ->
          assertThat(FEEDBACK.streamsOpen()).as("the service saw its stream's connection closed").isZero());
      openStream(dispatcher).close(); // and the only place for a stream is free again
    } finally {
      endStreams();
    }
  }

  /** A stream through the gateway, once a place for it is free (one a test before ended may still be closing). */
  private EventStreamReader openStream(String token) {
    return await().atMost(Duration.ofSeconds(10)).until(() -> {
      EventStreamReader stream = new EventStreamReader(url(STREAM), token);
      if (stream.status() != 200) {
        stream.close();
      }
      return stream;
    }, stream -> stream.status() == 200);
  }

  private String url(String path) {
    return "http://localhost:" + port + path;
  }

  private static void endStreams() {
    FEEDBACK.endStreams();
    await().atMost(Duration.ofSeconds(10)).until(() -> FEEDBACK.streamsOpen() == 0);
  }

  /**
   * One service: answers every request with 200 {"service": its name} and remembers what it was asked; its live
   * stream beats until ended, and sends one alert once it has outlived the gateway's read timeout.
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

    /** Beats until ended, the alert after the gateway's read timeout; a write that fails: the stream is gone. */
    private void stream(HttpExchange exchange) throws IOException {
      requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI().getPath());
      exchange.getResponseHeaders().add("Content-Type", "text/event-stream");
      exchange.sendResponseHeaders(200, 0);
      CountDownLatch end = streamsEnd;
      streamsOpen.incrementAndGet();
      try (OutputStream out = exchange.getResponseBody()) {
        send(out, ":open\n\n");
        long eventAfter = READ_TIMEOUT.dividedBy(HEARTBEAT) + 2;
        for (long beat = 1; !end.await(HEARTBEAT.toMillis(), TimeUnit.MILLISECONDS); beat++) {
          send(out, ":heartbeat\n\n");
          if (beat == eventAfter) {
            send(out, "event:alert\n" + EVENT_DATA + "\n\n");
          }
        }
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
