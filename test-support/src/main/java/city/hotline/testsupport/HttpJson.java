package city.hotline.testsupport;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A small JSON-over-HTTP client for tests that talk to a service or the gateway like a real client does. */
public final class HttpJson {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String baseUrl;
  private final Map<String, String> headers;

  /** A response: status, content type, request id and the body parsed as JSON (a missing node when empty). */
  public record Reply(int status, String contentType, String requestId, String retryAfter, JsonNode body, String raw) {}

  public HttpJson(String baseUrl) {
    this(baseUrl, Map.of());
  }

  private HttpJson(String baseUrl, Map<String, String> headers) {
    this.baseUrl = baseUrl;
    this.headers = headers;
  }

  /** The same client, sending one more header with every request. */
  public HttpJson withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new HttpJson(baseUrl, Map.copyOf(more));
  }

  /** The same client, sending {@code Authorization: Bearer <token>}. */
  public HttpJson withToken(String bearerToken) {
    return withHeader("Authorization", "Bearer " + bearerToken);
  }

  /** The same client, sending {@code X-Request-Id}. */
  public HttpJson withRequestId(String id) {
    return withHeader("X-Request-Id", id);
  }

  /** A file as downloaded: status, content type, Content-Disposition and the bytes. */
  public record Download(int status, String contentType, String disposition, byte[] body) {}

  /** GET of something that is not JSON (an export, a page). */
  public Download download(String path) {
    HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(baseUrl + path)).GET();
    headers.forEach(request::header);
    try {
      HttpResponse<byte[]> response = client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofByteArray());
      return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Content-Disposition").orElse(""), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  public Reply get(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).GET());
  }

  public Reply post(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  public Reply put(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json(body))));
  }

  public Reply delete(String path) {
    return send(HttpRequest.newBuilder(URI.create(baseUrl + path)).DELETE());
  }

  private static String json(Object body) {
    return body instanceof String s ? s : JSON.writeValueAsString(body);
  }

  private Reply send(HttpRequest.Builder request) {
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = client.send(request.timeout(TIMEOUT).build(), HttpResponse.BodyHandlers.ofString());
      String raw = response.body();
      JsonNode body = raw == null || raw.isBlank() ? JSON.missingNode() : JSON.readTree(raw);
      return new Reply(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("X-Request-Id").orElse(null),
          response.headers().firstValue("Retry-After").orElse(null), body, raw);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
