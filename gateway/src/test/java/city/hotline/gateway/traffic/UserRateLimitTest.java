package city.hotline.gateway.traffic;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.util.unit.DataSize;

class UserRateLimitTest {

  private int status(UserRateLimit limit, String address) throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
    request.setRemoteAddr(address);
    MockHttpServletResponse response = new MockHttpServletResponse();
    limit.doFilter(request, response, new MockFilterChain());
    return response.getStatus();
  }

  /** A call centre's 200 operators behind one NAT address each load the pages and sign in at 08:00. */
  @Test
  void anAddressBeforeSignInHasABudgetOfItsOwnMuchLargerThanAUsers() throws Exception {
    UserRateLimit limit = new UserRateLimit(new TrafficSettings(10, 6000, DataSize.ofKilobytes(64), 256,
        java.time.Duration.ofSeconds(1), InFlightLimitTest.NO_STREAMS), Clock.fixed(Instant.parse("2026-11-23T08:00:10Z"), ZoneOffset.UTC));
    int operators = 200;
    int requestsEach = 15; // the sign-in page, its scripts and styles, the console after sign-in, the login itself
    for (int i = 0; i < operators * requestsEach; i++) {
      assertThat(status(limit, "10.0.0.9")).as("request %d from the centre", i).isEqualTo(200);
    }
  }

  @Test
  void aCallerOverItsBudgetWaitsForTheNextMinuteOthersDoNot() throws Exception {
    Instant t = Instant.parse("2026-11-23T08:00:10Z");
    UserRateLimit limit = new UserRateLimit(new TrafficSettings(100, 3, DataSize.ofKilobytes(64), 256, java.time.Duration.ofSeconds(1),
        InFlightLimitTest.NO_STREAMS), Clock.fixed(t, ZoneOffset.UTC));
    for (int i = 0; i < 3; i++) {
      assertThat(status(limit, "10.0.0.1")).isEqualTo(200);
    }
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/cases");
    request.setRemoteAddr("10.0.0.1");
    MockHttpServletResponse refused = new MockHttpServletResponse();
    limit.doFilter(request, refused, new MockFilterChain());
    assertThat(refused.getStatus()).isEqualTo(429);
    assertThat(refused.getHeader("Retry-After")).isEqualTo("50");
    assertThat(refused.getContentType()).startsWith("application/problem+json");
    assertThat(status(limit, "10.0.0.2")).isEqualTo(200);
  }
}
