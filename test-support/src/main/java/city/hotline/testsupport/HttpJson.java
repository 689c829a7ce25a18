package city.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for tests that talk to a service or the gateway like a real client does. */
public final class HttpJson {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String baseUrl;

  /** A response: status, content type, request id and the body parsed as JSON (a missing node when empty). */
  public record Reply(int status, String contentType, String requestId, JsonNode body, String raw) {}

  public HttpJson(String baseUrl) {
    this.baseUrl = baseUrl;
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  public Reply post(String path, Object body) {
    String text = body instanceof String s ? s : JSON.writeValueAsString(body);
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(text)));
  }

  private Reply send(HttpRequest.Builder request) {
    try {
      HttpResponse<String> response = client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      String raw = response.body();
      JsonNode body = raw == null || raw.isBlank() ? JSON.missingNode() : JSON.readTree(raw);
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("X-Request-Id").orElse(null), body, raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
