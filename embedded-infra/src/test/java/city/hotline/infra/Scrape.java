package city.hotline.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Optional;

/** What Prometheus would read from an infrastructure process's /metrics. */
record Scrape(int status, String contentType, String body) {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    static Scrape of(int port) throws IOException, InterruptedException {
        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(
                        URI.create("http://localhost:" + port + MetricsEndpoint.PATH)).timeout(Duration.ofSeconds(5)).build(),
                HttpResponse.BodyHandlers.ofString());
        return new Scrape(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
                response.body());
    }

    /** The value of the sample written exactly as {@code series} (name and labels as the registry writes them). */
    Optional<Double> value(String series) {
        for (String line : body.split("\n")) {
            if (line.startsWith(series + " ")) {
                return Optional.of(Double.parseDouble(line.substring(series.length() + 1).trim()));
            }
        }
        return Optional.empty();
    }
}
