package city.hotline.gateway.traffic;

import city.hotline.gateway.security.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * A per-user request budget (429 with Retry-After when spent): a fixed one-minute window per signed-in
 * user, or per address before sign-in, with a budget of its own (a call centre shares one address). Runs after the security chain, so it knows the user. Counted
 * in this gateway's memory: with N gateway replicas behind a balancer a user gets up to N budgets.
 */
@Component
class UserRateLimit extends OncePerRequestFilter {
  private static final Duration WINDOW = Duration.ofMinutes(1);
  private static final String ADDRESS = "address:";
  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
  private final int userLimit;
  private final int addressLimit;
  private final Clock clock;

  private record Window(long start, int count) {}

  UserRateLimit(TrafficSettings settings, Clock clock) {
    this.userLimit = settings.requestsPerMinute();
    this.addressLimit = settings.addressRequestsPerMinute();
    this.clock = clock;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long now = clock.millis();
    long windowStart = now - now % WINDOW.toMillis();
    String caller = caller(request);
    Window window = windows.merge(caller, new Window(windowStart, 1),
        (old, fresh) -> old.start() == windowStart ? new Window(windowStart, old.count() + 1) : fresh);
    if (window.count() > (caller.startsWith(ADDRESS) ? addressLimit : userLimit)) {
      long retryAfter = Math.max(1, (windowStart + WINDOW.toMillis() - now + 999) / 1000);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
      Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁，请稍后再试 (too many requests)");
      return;
    }
    chain.doFilter(request, response);
  }

  private static String caller(HttpServletRequest request) {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    return authentication instanceof JwtAuthenticationToken token
        ? "user:" + token.getName() : ADDRESS + request.getRemoteAddr();
  }
}
