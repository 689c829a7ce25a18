package city.hotline.gateway.traffic;

import city.hotline.gateway.security.Problems;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.concurrent.Semaphore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Admission control: at most {@code maxInFlight} requests are worked on at once, and the next is
 * refused at once with 503 and Retry-After. Every request gets a virtual thread, so without a bound an
 * overload piles up waiting requests until the heap runs out and every caller fails; with it the
 * callers in excess are told to retry and the rest are answered. Health checks and metrics answer on the
 * management port, which this public-port filter never sees, so they are never refused.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 1)
class InFlightLimit extends OncePerRequestFilter {
  private static final Logger log = LoggerFactory.getLogger(InFlightLimit.class);
  private final Semaphore permits;
  private final int maxInFlight;
  private final long retryAfterSeconds;

  InFlightLimit(TrafficSettings settings) {
    this.maxInFlight = settings.maxInFlight();
    this.permits = new Semaphore(maxInFlight);
    this.retryAfterSeconds = Math.max(1, settings.busyRetryAfter().toSeconds());
  }

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    if (!permits.tryAcquire()) {
      log.warn("request refused: {} already in progress", maxInFlight);
      response.setHeader(HttpHeaders.RETRY_AFTER, Long.toString(retryAfterSeconds));
      Problems.write(response, HttpStatus.SERVICE_UNAVAILABLE, "The hotline is answering as many requests as it can ("
          + maxInFlight + " at once); nothing was done with this one. Please retry in " + retryAfterSeconds + " s.");
      return;
    }
    try {
      chain.doFilter(request, response);
    } finally {
      permits.release();
    }
  }
}
