package city.hotline.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;

/** The gateway in front of services that are not there: every failure is a problem+json the caller can act on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "hotline.routes.intake-url=http://127.0.0.1:9",
    "hotline.routes.dispatch-url=http://127.0.0.1:9",
    "hotline.routes.feedback-url=http://127.0.0.1:9"})
class ApiRoutesTest {

  @Value("${local.server.port}")
  int port;

  private HttpResponse<String> get(String path) throws Exception {
    return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://localhost:" + port + path)).build(),
        HttpResponse.BodyHandlers.ofString());
  }

  @Test
  void aServiceThatDoesNotAnswerIsA503WithRetryAfter() throws Exception {
    for (String path : new String[] {"/api/complaints/WH20261123000001", "/api/cases", "/api/dashboard/summary"}) {
      HttpResponse<String> response = get(path);
      assertThat(response.statusCode()).as(path).isEqualTo(503);
      assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
          type -> assertThat(type).startsWith("application/problem+json"));
      assertThat(response.headers().firstValue("Retry-After")).contains("5");
      assertThat(response.body()).contains("not reachable");
    }
  }

  @Test
  void aPathNoServiceAnswersIsAProblem404() throws Exception {
    HttpResponse<String> response = get("/api/nothing-here");
    assertThat(response.statusCode()).isEqualTo(404);
    assertThat(response.headers().firstValue("Content-Type")).hasValueSatisfying(
        type -> assertThat(type).startsWith("application/problem+json"));
  }
}
