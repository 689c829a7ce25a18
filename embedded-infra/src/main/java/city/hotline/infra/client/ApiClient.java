package city.hotline.infra.client;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The public API through the gateway, signed in as demo users (the seeder's people, an admin for commands). */
public final class ApiClient {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private final HttpClient http = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String baseUrl;
  private final String password;
  private final Map<String, String> tokens = new ConcurrentHashMap<>();

  public record Reply(int status, JsonNode body) {
    public boolean ok() {
      return status / 100 == 2;
    }
  }

  /** The demo accounts' password (seeded users and the administrator) unless the environment says otherwise. */
  public static final String DEMO_PASSWORD = "Hotline@12345";

  public ApiClient(String baseUrl, String password) {
    this.baseUrl = baseUrl;
    this.password = password;
  }

  /** The API signed in as the administrator the commands act as. */
  public record Admin(ApiClient api, String user) {
    public Reply get(String path) {
      return api.get(user, path);
    }

    public Reply post(String path, Object body) {
      return api.post(user, path, body);
    }
  }

  /**
   * As the administrator: {@code HOTLINE_ADMIN_USER} (default {@code admin}) with {@code HOTLINE_ADMIN_PASSWORD},
   * else {@code HOTLINE_DEMO_PASSWORD}, else the demo password.
   *
   * @param env the process environment ({@code System.getenv()})
   */
  public static Admin asAdmin(String gatewayUrl, Map<String, String> env) {
    String password = env.getOrDefault("HOTLINE_ADMIN_PASSWORD", env.getOrDefault("HOTLINE_DEMO_PASSWORD",
        DEMO_PASSWORD));
    return new Admin(new ApiClient(gatewayUrl, password), env.getOrDefault("HOTLINE_ADMIN_USER", "admin"));
  }

  String password() {
    return password;
  }

  String baseUrl() {
    return baseUrl;
  }

  public Reply get(String user, String path) {
    return send(user, HttpRequest.newBuilder(URI.create(baseUrl + path)).GET(), true);
  }

  public Reply post(String user, String path, Object body) {
    return post(user, path, body, Map.of());
  }

  public Reply post(String user, String path, Object body, Map<String, String> headers) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body)));
    headers.forEach(request::header);
    return send(user, request, true);
  }

  /** Without signing in (a citizen with a rating link). */
  public Reply postAnonymous(String path, Object body) {
    return send(null, HttpRequest.newBuilder(URI.create(baseUrl + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))), false);
  }

  private Reply send(String user, HttpRequest.Builder request, boolean retryOnExpiry) {
    if (user != null) {
      request.header("Authorization", "Bearer " + token(user));
    }
    Reply reply = exchange(request.timeout(TIMEOUT).build());
    if (reply.status() == 401 && user != null && retryOnExpiry) {
      tokens.remove(user); // expired: sign in again once
      request.setHeader("Authorization", "Bearer " + token(user));
      reply = exchange(request.build());
    }
    return reply;
  }

  private String token(String user) {
    return tokens.computeIfAbsent(user, u -> {
      Reply login = exchange(HttpRequest.newBuilder(URI.create(baseUrl + "/api/auth/login"))
          .header("Content-Type", "application/json")
          .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(Map.of("username", u, "password", password))))
          .timeout(TIMEOUT).build());
      if (!login.ok()) {
        throw new IllegalStateException("cannot sign in as " + u + ": HTTP " + login.status() + " " + login.body());
      }
      return login.body().path("token").asString();
    });
  }

  private Reply exchange(HttpRequest request) {
    try {
      HttpResponse<String> response = http.send(request, HttpResponse.BodyHandlers.ofString());
      String raw = response.body();
      return new Reply(response.statusCode(), raw == null || raw.isBlank() ? JSON.missingNode() : JSON.readTree(raw));
    } catch (IOException e) {
      return new Reply(599, JSON.missingNode()); // the network or a restarting service: the caller retries
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
