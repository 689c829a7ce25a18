package city.hotline.gateway.traffic;

import city.hotline.gateway.security.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Set;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.UrlPathHelper;

/**
 * Admission control: at most {@code maxInFlight} requests are worked on at once, and the next is
 * refused at once with 503 and Retry-After. Every request gets a virtual thread, so without a bound an
 * overload piles up waiting requests until the heap runs out and every caller fails; with it the
 * callers in excess are told to retry and the rest are answered. A live stream (the alert banner's
 * server-sent events) stays open for minutes: it takes one of the {@code streams.max} places of its own,
 * never one of the requests', so open banners do not starve the calls being taken. Health checks and
 * metrics answer on the management port, which this public-port filter never sees, so they are never refused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class InFlightLimit extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(InFlightLimit.class);
  private final Places requests;
  private final Places streams;
  private final Set<String> streamPaths;
  private final long retryAfterSeconds;

  /** One kind of place: how many there are, and what a refused caller is told. */
  private record Places(Semaphore free, int max, String what) {
    Places(int max, String what) {
      this(new Semaphore(max), max, what);
    }
  }

  InFlightLimit(TrafficSettings settings) {
    this.requests = new Places(settings.maxInFlight(), "requests");
    this.streams = new Places(settings.streams().max(), "live streams");
    this.streamPaths = settings.streams().paths().stream().map(InFlightLimit::withoutTrailingSlash)
        .collect(Collectors.toUnmodifiableSet());
    this.retryAfterSeconds = Math.max(1, settings.busyRetryAfter().toSeconds());
  }

  /**
   * The path as the services will match it, not as it was spelt: decoded, without path parameters or doubled
   * slashes, and without a trailing slash; else a stream asked for as {@code …/%73tream} would take a request's place.
   */
  private static String path(HttpServletRequest request) {
    return withoutTrailingSlash(UrlPathHelper.defaultInstance.getPathWithinApplication(request));
  }

  private static String withoutTrailingSlash(String path) {
    return path.length() > 1 && path.endsWith("/") ? path.substring(0, path.length() - 1) : path;
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Places places = streamPaths.contains(path(request)) ? streams : requests;
    if (!places.free().tryAcquire()) {
      log.warn("request refused: {} {} already in progress", places.max(), places.what());
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
      Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "The hotline is answering as many " + places.what()
          + " as it can (" + places.max() + " at once); nothing was done with this one. Please retry in "
          + retryAfterSeconds + " s.");
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      places.free().release();
    }
  }
}
