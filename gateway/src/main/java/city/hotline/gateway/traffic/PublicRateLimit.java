package city.hotline.gateway.traffic;

import city.hotline.gateway.security.Problems;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.time.Clock;
import java.util.HexFormat;
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
 * without doubled slashes), so no spelling slips past. An IPv6 address counts by its /64, the smallest block a
 * subscriber is given, so one client cannot step through its own 2^64 addresses. Counted in this gateway's memory,
 * like the user budget; a budget's ended windows are dropped as its next one begins, so a crowd of addresses does
 * not pile up.
 */
@Component
class PublicRateLimit extends OncePerRequestFilter {
  private static final AntPathMatcher PATHS = new AntPathMatcher();
  private static final int IPV6_BYTES = 16;

  private final List<PublicBudgets.Budget> budgets;
  private final Clock clock;
  private final ConcurrentMap<String, Window> windows = new ConcurrentHashMap<>();
  /** Per budget, the start of the window its ended ones were last dropped at. */
  private final Map<String, AtomicLong> swept;
  private final Map<String, Counter> refused;

  private record Window(long start, int count) {}

  PublicRateLimit(PublicBudgets settings, Clock clock, MeterRegistry meters) {
    this.budgets = settings.budgets();
    this.clock = clock;
    this.swept = budgets.stream().collect(Collectors.toUnmodifiableMap(PublicBudgets.Budget::name,
        budget -> new AtomicLong()));
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
    String address = addressKey(request.getRemoteAddr());
    for (PublicBudgets.Budget budget : budgets) {
      if (!matches(budget, request)) {
        continue;
      }
      long windowMillis = budget.window().toMillis();
      long windowStart = now - now % windowMillis;
      sweep(budget, windowStart);
      if (count(budget, address, windowStart) > budget.requests()) {
        refused.get(budget.name()).increment();
        long retryAfter = Math.max(1, (windowStart + windowMillis - now + 999) / 1000);
        response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfter));
        Problems.write(response, HttpStatus.TOO_MANY_REQUESTS, "请求过于频繁，请稍后再试，急事请拨打 12345 "
            + "(too many requests from this address to " + budget.name() + "; or call 12345)");
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

  /** Once per window of a budget, its first request drops that budget's ended windows. */
  private void sweep(PublicBudgets.Budget budget, long windowStart) {
    AtomicLong last = swept.get(budget.name());
    long before = last.get();
    if (before != windowStart && last.compareAndSet(before, windowStart)) {
      String prefix = budget.name() + "|";
      windows.entrySet().removeIf(entry -> entry.getKey().startsWith(prefix) && entry.getValue().start() < windowStart);
    }
  }

  /** What an address is counted by: itself (IPv4), or the /64 it lies in (IPv6; the servlet gives it in full). */
  static String addressKey(String address) {
    if (address == null || address.indexOf(':') < 0) {
      return address;
    }
    try {
      byte[] bytes = InetAddress.getByName(address).getAddress();
      return bytes.length == IPV6_BYTES ? HexFormat.of().formatHex(bytes, 0, IPV6_BYTES / 2) + "::/64" : address;
    } catch (UnknownHostException e) {
      return address; // not an address literal: counted as written
    }
  }
}
