package city.hotline.intake.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicInteger;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A partner's receiver, as the README tells partners to write one: it checks the signature and refuses a timestamp
 * outside its replay window (401), and takes a delivery it has taken already as done without taking it again. It can
 * be told to fail the next requests (500), to answer them too late, to answer 200 and then trickle a body that never
 * ends, or to never answer at all (the last two until it is closed).
 */
public final class TestReceiver implements AutoCloseable {
  /** How it answers a request. */
  public enum Answer { OK, FAIL, TOO_LATE, TRICKLE, HANG }

  /** A delivery it took: its headers' id and its body. */
  public record Received(String deliveryId, JsonNode body, String raw) {
    public String ticketId() {
      return body.path("ticketId").asString();
    }

    public String ourStatus() {
      return body.path("ourStatus").asString();
    }
  }

  private static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);
  private final HttpServer server;
  private final ExecutorService threads = Executors.newCachedThreadPool();
  private final Duration lateBy;
  private final Map<String, String> secrets = new ConcurrentHashMap<>();
  private final Queue<Answer> script = new ConcurrentLinkedQueue<>();
  private final List<Received> taken = new CopyOnWriteArrayList<>();
  private final List<String> refused = new CopyOnWriteArrayList<>();
  private final AtomicInteger requests = new AtomicInteger();
  private final AtomicInteger again = new AtomicInteger();
  private final JsonMapper json = JsonMapper.builder().build();
  private final CountDownLatch closed = new CountDownLatch(1);

  /** @param lateBy how long a {@link Answer#TOO_LATE} answer takes: longer than the sender waits */
  public TestReceiver(Duration lateBy) throws IOException {
    this.lateBy = lateBy;
    server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    server.setExecutor(threads);
    server.createContext("/hooks/", this::handle);
    server.start();
  }

  /** Where a webhook named so sends; its deliveries are checked with its secret. */
  public String url(String name) {
    return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/" + name;
  }

  public void secret(String name, String secret) {
    secrets.put("/hooks/" + name, secret);
  }

  /** The next requests are answered so, in turn; after them, OK. */
  public void answerNext(Answer... answers) {
    script.addAll(List.of(answers));
  }

  /** The deliveries taken, in the order they came, each once. */
  public List<Received> taken() {
    return List.copyOf(taken);
  }

  public List<Received> taken(String ticketId) {
    return taken.stream().filter(r -> r.ticketId().equals(ticketId)).toList();
  }

  /** Requests refused for a bad signature or an old timestamp. */
  public List<String> refused() {
    return List.copyOf(refused);
  }

  public int requests() {
    return requests.get();
  }

  /** Deliveries sent again after this receiver had taken them (with a 2xx that reached the sender). */
  public int takenAgain() {
    return again.get();
  }

  private void handle(HttpExchange exchange) throws IOException {
    requests.incrementAndGet();
    String body;
    try (InputStream in = exchange.getRequestBody()) {
      body = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    Answer answer = script.poll();
    if (answer == Answer.FAIL) {
      respond(exchange, 500);
    } else if (answer == Answer.TOO_LATE) {
      try {
        Thread.sleep(lateBy.toMillis()); // a slow partner: the sender has stopped waiting by then
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      respond(exchange, 503);
    } else if (answer == Answer.TRICKLE) {
      exchange.sendResponseHeaders(200, 0); // chunked: the body goes on until it is closed
      exchange.getResponseBody().write('{');
      exchange.getResponseBody().flush();
      awaitClose();
    } else if (answer == Answer.HANG) {
      awaitClose();
    } else {
      take(exchange, body);
    }
  }

  private void awaitClose() {
    try {
      closed.await();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }

  private void take(HttpExchange exchange, String body) throws IOException {
    String deliveryId = exchange.getRequestHeaders().getFirst("X-Hotline-Delivery");
    String timestamp = exchange.getRequestHeaders().getFirst("X-Hotline-Timestamp");
    String signature = exchange.getRequestHeaders().getFirst("X-Hotline-Signature");
    String secret = secrets.get(exchange.getRequestURI().getPath());
    if (secret == null || !verified(secret, timestamp, signature, body, Instant.now())) {
      refused.add(deliveryId);
      respond(exchange, 401);
      return;
    }
    synchronized (taken) {
      if (taken.stream().anyMatch(r -> r.deliveryId().equals(deliveryId))) {
        again.incrementAndGet();
      } else {
        taken.add(new Received(deliveryId, json.readTree(body), body));
      }
    }
    respond(exchange, 204);
  }

  /**
   * What a receiver checks: a fresh timestamp, and the HMAC of "timestamp.body" under its secret, compared in constant
   * time with each signature of the header (two, comma-separated, while a rotated secret overlaps the new one).
   */
  static boolean verified(String secret, String timestamp, String signature, String body, Instant now) {
    if (timestamp == null || signature == null || !timestamp.matches("\\d{1,12}")) {
      return false;
    }
    Instant sent = Instant.ofEpochSecond(Long.parseLong(timestamp));
    if (Duration.between(sent, now).abs().compareTo(REPLAY_WINDOW) > 0) {
      return false;
    }
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      String expected = "sha256=" + HexFormat.of().formatHex(
          mac.doFinal((timestamp + "." + body).getBytes(StandardCharsets.UTF_8)));
      boolean ok = false;
      for (String one : signature.split(",")) {
        ok |= MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), one.strip().getBytes(StandardCharsets.UTF_8));
      }
      return ok;
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException(e);
    }
  }

  private static void respond(HttpExchange exchange, int status) throws IOException {
    exchange.sendResponseHeaders(status, -1);
    exchange.close();
  }

  @Override
  public void close() {
    closed.countDown();
    server.stop(0);
    threads.shutdownNow();
  }
}
