package city.hotline.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public paths' per-address budgets: the citizens' page and Open311, without a token. */
class PublicRateLimitTest {
  private static final Instant AT = Instant.parse("2026-11-23T08:00:10Z");
  private static final PublicBudgets BUDGETS = new PublicBudgets(List.of(
      new PublicBudgets.Budget("progress", "POST", List.of("/api/public/progress"), 3, Duration.ofMinutes(1)),
      new PublicBudgets.Budget("reports", "POST", List.of("/api/public/reports"), 2, Duration.ofHours(1)),
      new PublicBudgets.Budget("open311", "POST", List.of("/open311/**"), 2, Duration.ofMinutes(1))));
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private final MovableClock clock = new MovableClock(AT);
  private final PublicRateLimit limit = new PublicRateLimit(BUDGETS, clock, meters);

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
    assertThat(refused.getContentAsString()).contains("progress", "12345");
    assertThat(meters.counter("hotline.gateway.public.refused", "budget", "progress").count()).isEqualTo(1.0);

    assertThat(send("POST", "/api/public/progress", "10.0.0.2").getStatus()).isEqualTo(200);
    assertThat(send("POST", "/open311/v2/requests.json", "10.0.0.1").getStatus()).isEqualTo(200);

    clock.advance(Duration.ofSeconds(50));
    assertThat(send("POST", "/api/public/progress", "10.0.0.1").getStatus()).as("a new window").isEqualTo(200);
  }

  @Test
  void eachBudgetKeepsItsOwnWindowAndAnIpv6ClientCountsByItsSlash64() throws Exception {
    assertThat(send("POST", "/api/public/reports", "2001:db8:1:2::1").getStatus()).isEqualTo(200);
    assertThat(send("POST", "/api/public/reports", "2001:db8:1:2:ffff:0:0:9").getStatus()).isEqualTo(200);
    MockHttpServletResponse third = send("POST", "/api/public/reports", "2001:db8:1:2:abcd::7");
    assertThat(third.getStatus()).as("the same /64").isEqualTo(429);
    assertThat(third.getHeader("Retry-After")).as("till the hour's end").isEqualTo("3590");
    assertThat(send("POST", "/api/public/reports", "2001:db8:1:3::1").getStatus()).as("another /64").isEqualTo(200);

    clock.advance(Duration.ofMinutes(2));
    assertThat(send("POST", "/api/public/reports", "2001:db8:1:2::1").getStatus()).as("a minute is not an hour")
        .isEqualTo(429);
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
