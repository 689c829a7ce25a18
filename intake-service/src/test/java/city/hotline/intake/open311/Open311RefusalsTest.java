package city.hotline.intake.open311;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpServletRequest;
import tools.jackson.databind.json.JsonMapper;

/** How a refusal reaches the partner: status, Retry-After, and the spec's format unless Accept asks for a problem. */
class Open311RefusalsTest {
  private final Open311Controller controller = new Open311Controller(null, null, null, JsonMapper.builder().build());

  private static MockHttpServletRequest request(String path, String accept) {
    MockHttpServletRequest request = new MockHttpServletRequest("POST", "/open311/v2" + path);
    if (accept != null) {
      request.addHeader("Accept", accept);
    }
    return request;
  }

  @Test
  void aKeyPastItsBudgetGets429WithRetryAfterInTheSpecsFormat() {
    ResponseEntity<?> xml = controller.refused(Open311Error.tooMany(15, 120), request("/requests.xml", null));
    ResponseEntity<?> json = controller.refused(Open311Error.tooMany(15, 120), request("/requests.json", "*/*"));

    assertThat(xml.getStatusCode().value()).isEqualTo(429);
    assertThat(xml.getHeaders().getFirst("Retry-After")).isEqualTo("15");
    assertThat(xml.getBody().toString()).contains("<errors><error><code>429</code><description>api_key allows 120 "
        + "requests a minute; retry after 15 s</description></error></errors>");
    assertThat(json.getHeaders().getFirst("Content-Type")).startsWith("application/json");
    assertThat(json.getBody()).isEqualTo("[{\"code\":429,\"description\":\"api_key allows 120 requests a minute; "
        + "retry after 15 s\"}]");
  }

  @Test
  void aClientAskingForProblemJsonGetsOneWithTheSameRetryAfter() {
    ResponseEntity<?> problem = controller.refused(Open311Error.tooMany(15, 120),
        request("/requests.json", "application/problem+json, application/json;q=0.5"));

    assertThat(problem.getStatusCode().value()).isEqualTo(429);
    assertThat(problem.getHeaders().getFirst("Retry-After")).isEqualTo("15");
    assertThat(problem.getHeaders().getContentType()).hasToString("application/problem+json");
    assertThat(((ProblemDetail) problem.getBody()).getDetail()).startsWith("api_key allows 120 requests a minute");
  }

  @Test
  void onlyAnAcceptThatNamesProblemJsonAboveZeroAsksForIt() {
    assertThat(Open311Controller.asksForProblem("application/problem+json")).isTrue();
    assertThat(Open311Controller.asksForProblem("application/problem+json;q=0, application/json")).isFalse();
    assertThat(Open311Controller.asksForProblem("*/*")).isFalse();
    assertThat(Open311Controller.asksForProblem("application/*")).isFalse();
    assertThat(Open311Controller.asksForProblem("not a media type;;")).isFalse();
    assertThat(Open311Controller.asksForProblem(null)).isFalse();
  }
}
