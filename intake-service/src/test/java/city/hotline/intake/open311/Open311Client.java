package city.hotline.intake.open311;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** A partner's Open311 client: form-encoded POSTs as the spec sends them, and answers in XML or JSON as they come. */
public final class Open311Client {
  private static final Duration TIMEOUT = Duration.ofSeconds(30);
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).build();
  private final String base;
  private final Map<String, String> headers;

  /** @param base up to and including {@code /open311/v2} */
  public Open311Client(String base) {
    this(base, Map.of());
  }

  private Open311Client(String base, Map<String, String> headers) {
    this.base = base;
    this.headers = headers;
  }

  public Open311Client withHeader(String name, String value) {
    Map<String, String> more = new LinkedHashMap<>(headers);
    more.put(name, value);
    return new Open311Client(base, Map.copyOf(more));
  }

  /** An answer: status, content type, Retry-After and the body as sent. */
  public record Answer(int status, String contentType, String retryAfter, String body) {
    public JsonNode json() {
      return JSON.readTree(body);
    }
  }

  public Answer get(String path) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).GET());
  }

  /** application/x-www-form-urlencoded; charset=utf-8, as the spec's POST Service Request. */
  public Answer postForm(String path, Map<String, String> form) {
    String body = form.entrySet().stream().map(e -> encode(e.getKey()) + "=" + encode(e.getValue()))
        .collect(Collectors.joining("&"));
    return send(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
        .POST(HttpRequest.BodyPublishers.ofString(body)));
  }

  public Answer postJson(String path, Object body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))));
  }

  /** A body as it is, in whatever Content-Type (a malformed one, or one the API does not read). */
  public Answer postRaw(String path, String contentType, String body) {
    return send(HttpRequest.newBuilder(URI.create(base + path)).header("Content-Type", contentType)
        .POST(HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8)));
  }

  /** multipart/form-data, as many Open311 clients send their reports. */
  public Answer postMultipart(String path, Map<String, String> form) {
    String boundary = "open311-" + System.nanoTime();
    String body = form.entrySet().stream().map(e -> "--" + boundary + "\r\nContent-Disposition: form-data; name=\""
        + e.getKey() + "\"\r\n\r\n" + e.getValue() + "\r\n").collect(Collectors.joining()) + "--" + boundary + "--\r\n";
    return postRaw(path, "multipart/form-data; boundary=" + boundary, body);
  }

  private static String encode(String text) {
    return URLEncoder.encode(text, StandardCharsets.UTF_8);
  }

  private Answer send(HttpRequest.Builder request) {
    headers.forEach(request::header);
    try {
      HttpResponse<String> response = client.send(request.timeout(TIMEOUT).build(),
          HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
      return new Answer(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Retry-After").orElse(null), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
