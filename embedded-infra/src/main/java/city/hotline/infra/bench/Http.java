package city.hotline.infra.bench;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** Sign-in and small JSON helpers over java.net.http. */
final class Http {
  static final JsonMapper JSON = JsonMapper.builder().build();
  static final String PASSWORD = System.getenv().getOrDefault("HOTLINE_DEMO_PASSWORD", "Hotline@12345");

  private Http() {
  }

  static HttpClient client() {
    return HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(10)).build();
  }

  /** A demo user's token from the gateway. */
  static String login(String gateway, String username) throws IOException, InterruptedException {
    HttpResponse<String> response = client().send(HttpRequest.newBuilder(URI.create(gateway + "/api/auth/login"))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(
            JSON.writeValueAsString(Map.of("username", username, "password", PASSWORD))))
        .build(), HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 200) {
      throw new IllegalStateException("cannot sign in as " + username + ": " + response.statusCode() + " " + response.body());
    }
    return JSON.readTree(response.body()).path("token").asString();
  }

  static JsonNode json(String body) {
    return JSON.readTree(body);
  }
}
