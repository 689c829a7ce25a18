package city.hotline.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public paths' per-address budgets: the citizens' page and Open311, without a token. */
class PublicRateLimitTest {
  private static final Instant AT = Instant.parse("2026-11-23T08:00:10Z");
  private static final PublicBudgets BUDGETS = new PublicBudgets(Duration.ofMinutes(1), List.of(
      new PublicBudgets.Budget("progress", "POST", List.of("/api/public/progress"), 3),
      new PublicBudgets.Budget("open311", "POST", List.of("/open311/**"), 2)));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private PublicRateLimit limit = new PublicRateLimit(BUDGETS, Clock.fixed(AT, ZoneOffset.UTC), meters);

  private MockHttpServletResponse send(String method, String uri, String address) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest(method, uri);
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, new MockFilterChain());
    return response;
  }

  @Test
  void anAddressOverABudgetWaitsForTheNextWindowWhileOtherAddressesAndBudgetsGoOn() throws Exception {
    for (int i = 0; i < 3; i++) {
      assertThat(send("POST", "/api/public/progress", "10.0.0.1").getStatus()).isEqualTo(200);
    }
    MockHttpServletResponse refused = send("POST", "/api/public/progress", "10.0.0.1");
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("50");
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(refused.getContentAsString()).contains("progress");
    assertThat(meters.counter("hotline.gateway.public.refused", "budget", "progress").count()).isEqualTo(1.0);

    assertThat(send("POST", "/api/public/progress", "10.0.0.2").getStatus()).isEqualTo(200);
    assertThat(send("POST", "/open311/v2/requests.json", "10.0.0.1").getStatus()).isEqualTo(200);

    limit = new PublicRateLimit(BUDGETS, Clock.fixed(AT.plusSeconds(50), ZoneOffset.UTC), meters);
    assertThat(send("POST", "/api/public/progress", "10.0.0.1").getStatus()).as("a new window").isEqualTo(200);
  }

  @Test
  void aBudgetCountsItsMethodAndEverySpellingOfItsPathsAndNothingElse() throws Exception {
    assertThat(send("POST", "/open311/v2/requests.json", "10.0.0.3").getStatus()).isEqualTo(200);
    assertThat(send("POST", "//open311/v2/%72equests.xml", "10.0.0.3").getStatus()).isEqualTo(200);
    assertThat(send("POST", "/open311/v2/requests.json", "10.0.0.3").getStatus()).as("the third").isEqualTo(429);
    for (int i = 0; i < 5; i++) {
      assertThat(send("GET", "/open311/v2/services.json", "10.0.0.3").getStatus()).as("GET is not counted")
          .isEqualTo(200);
      assertThat(send("POST", "/api/public/ratings", "10.0.0.3").getStatus()).isEqualTo(200);
    }
  }
}
