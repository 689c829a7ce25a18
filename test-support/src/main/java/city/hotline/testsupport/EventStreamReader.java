package city.hotline.testsupport;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a server-sent event stream the way the pages do (fetch with a bearer token, not EventSource): every line as
 * it arrives, on a thread of its own, until closed. Closing it closes the response mid-stream, as a page that is
 * left does. All readers share one HTTP client: on Java 17 a client cannot be closed, only dropped, and each one
 * keeps a selector thread until it is collected.
 */
public final class EventStreamReader implements AutoCloseable {
  /** One event: its {@code event:} name and its {@code data:} lines joined. */
  public record Event(String name, String data) {}

  private static final HttpClient CLIENT = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final HttpResponse<InputStream> response;
  private final List<String> lines = new CopyOnWriteArrayList<>();

  public EventStreamReader(String url, String bearerToken) {
    HttpRequest request = HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + bearerToken)
        .header("Accept", "text/event-stream").GET().build();
    try {
      response = CLIENT.send(request, HttpResponse.BodyHandlers.ofInputStream());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
    Thread reader = new Thread(this::read, "event-stream-reader");
    reader.setDaemon(true);
    reader.start();
  }

  public int status() {
    return response.statusCode();
  }

  public String contentType() {
    return response.headers().firstValue("Content-Type").orElse("");
  }

  /** Every line read so far, comments and blank lines included. */
  public List<String> lines() {
    return List.copyOf(lines);
  }

  /** The complete events read so far (those ended by a blank line), in order. */
  public List<Event> events() {
    List<Event> events = new ArrayList<>();
    String name = null;
    List<String> data = new ArrayList<>();
    for (String line : lines) {
      if (line.isEmpty()) {
        if (!data.isEmpty()) {
          events.add(new Event(name, String.join("\n", data)));
        }
        name = null;
        data.clear();
      } else if (line.startsWith("event:")) {
        name = field(line);
      } else if (line.startsWith("data:")) {
        data.add(field(line));
      }
    }
    return events;
  }

  /** The data of the complete events of this name read so far, as JSON. */
  public List<JsonNode> data(String eventName) {
    return events().stream().filter(e -> eventName.equals(e.name())).map(e -> JSON.readTree(e.data())).toList();
  }

  private static String field(String line) {
    String value = line.substring(line.indexOf(':') + 1);
    return value.startsWith(" ") ? value.substring(1) : value;
  }

  private void read() {
    try (BufferedReader body = new BufferedReader(new InputStreamReader(response.body(), StandardCharsets.UTF_8))) {
      for (String line = body.readLine(); line != null; line = body.readLine()) {
        lines.add(line);
      }
    } catch (IOException closed) {
      // the test closed the stream, or the server ended it
    }
  }

  @Override
  public void close() {
    try {
      response.body().close();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
