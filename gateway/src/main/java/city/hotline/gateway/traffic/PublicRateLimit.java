package city.hotline.gateway.traffic;

import city.hotline.gateway.security.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.Collectors;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.util.AntPathMatcher;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Per-address budgets for the paths anyone may call without a token ({@link PublicBudgets}): a fixed window per
 * budget and address, 429 with Retry-After once spent. The path is read as the services will match it (decoded,
 * without doubled slashes), so no spelling slips past. Counted in this gateway's memory, like the user budget;
 * windows that have ended are dropped as the next one begins, so a crowd of addresses does not pile up.
 */
@Component
class PublicRateLimit extends OncePerRequestFilter {
  private static final AntPathMatcher PATHS = new AntPathMatcher();

  private final List<PublicBudgets.Budget> budgets;
  private final long windowMillis;
  private final Clock clock;
  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
  private final AtomicLong sweptWindow = new AtomicLong();
  private final Map<String, Counter> refused;

  private record Window(long start, int count) {}

  PublicRateLimit(PublicBudgets settings, Clock clock, MeterRegistry meters) {
    this.budgets = settings.budgets();
    this.windowMillis = settings.window().toMillis();
    this.clock = clock;
    this.refused = budgets.stream().collect(Collectors.toUnmodifiableMap(PublicBudgets.Budget::name,
        budget -> Counter.builder("hotline.gateway.public.refused").tag("budget", budget.name())
            .description("requests to a public path refused because their address spent its budget")
            .register(meters)));
  }

  @Override
  protected boolean shouldNotFilter(HttpServletRequest request) {
    return budgets.stream().noneMatch(budget -> matches(budget, request));
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    long now = clock.millis();
    long windowStart = now - now % windowMillis;
    sweep(windowStart);
    for (PublicBudgets.Budget budget : budgets) {
      if (matches(budget, request) && count(budget, request.getRemoteAddr(), windowStart) > budget.requests()) {
        refused.get(budget.name()).increment();
        long retryAfter = Math.max(1, (windowStart + windowMillis - now + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS,
            "请求过于频繁，请稍后再试 (too many requests from this address to " + budget.name() + ")");
        return;
      }
    }
    chain.doFilter(request, response);
  }

  private static boolean matches(PublicBudgets.Budget budget, HttpServletRequest request) {
    if (!budget.method().equalsIgnoreCase(request.getMethod())) {
      return false;
    }
    String path = UrlPathHelper.defaultInstance.getPathWithinApplication(request);
    return budget.paths().stream().anyMatch(pattern -> PATHS.match(pattern, path));
  }

  private int count(PublicBudgets.Budget budget, String address, long windowStart) {
    return windows.merge(budget.name() + "|" + address, new Window(windowStart, 1),
        (old, fresh) -> old.start() == windowStart ? new Window(windowStart, old.count() + 1) : fresh).count();
  }

  /** Once per window, the first request drops the ended windows. */
  private void sweep(long windowStart) {
    long swept = sweptWindow.get();
    if (swept != windowStart && sweptWindow.compareAndSet(swept, windowStart)) {
      windows.values().removeIf(window -> window.start() < windowStart);
    }
  }
}
