package city.hotline.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.regex.Pattern;

/** Healthy when Spring Boot actuator reports {@code "status":"UP"}. */
final class HttpHealthCheck implements HealthCheck {

    static final String HEALTH_PATH = "/actuator/health";
    private static final int HTTP_OK = 200;
    /** Actuator answers 503 when DOWN, so on a 200 the first status in the body is the overall one. */
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private final HttpClient client;
    private final HttpRequest request;

    HttpHealthCheck(String baseUrl, Duration timeout) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.request = HttpRequest.newBuilder(URI.create(baseUrl + HEALTH_PATH)).timeout(timeout).GET().build();
    }

    @Override
    public boolean isHealthy() {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == HTTP_OK && STATUS_UP.matcher(response.body()).find();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
