package city.hotline.infra;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/** Healthy when an HTTP GET answers 200 with a body that says so. */
final class HttpHealthCheck implements HealthCheck {

    static final String HEALTH_PATH = "/actuator/health";
    /** Prometheus answers 200 here once it has loaded its configuration and its storage. */
    static final String PROMETHEUS_READY_PATH = "/-/ready";
    private static final int HTTP_OK = 200;
    /** Actuator answers 503 when DOWN, so on a 200 the first status in the body is the overall one. */
    private static final Pattern STATUS_UP = Pattern.compile("\"status\"\\s*:\\s*\"UP\"");

    private final HttpClient client;
    private final HttpRequest request;
    private final Predicate<String> healthyBody;

    private HttpHealthCheck(URI uri, Duration timeout, Predicate<String> healthyBody) {
        this.client = HttpClient.newBuilder().connectTimeout(timeout).build();
        this.request = HttpRequest.newBuilder(uri).timeout(timeout).GET().build();
        this.healthyBody = healthyBody;
    }

    /** Spring Boot actuator at {@code baseUrl}: healthy when it reports {@code "status":"UP"}. */
    static HttpHealthCheck actuator(String baseUrl, Duration timeout) {
        return new HttpHealthCheck(URI.create(baseUrl + HEALTH_PATH), timeout, body -> STATUS_UP.matcher(body).find());
    }

    /** Prometheus at {@code baseUrl}: healthy when it is ready to serve queries. */
    static HttpHealthCheck prometheus(String baseUrl, Duration timeout) {
        return new HttpHealthCheck(URI.create(baseUrl + PROMETHEUS_READY_PATH), timeout, body -> true);
    }

    /** What is asked, for the tests of the process definitions. */
    URI uri() {
        return request.uri();
    }

    @Override
    public boolean isHealthy() {
        try {
            HttpResponse<String> response = client.send(request, HttpResponse.BodyHandlers.ofString());
            return response.statusCode() == HTTP_OK && healthyBody.test(response.body());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (IOException e) {
            return false;
        }
    }
}
