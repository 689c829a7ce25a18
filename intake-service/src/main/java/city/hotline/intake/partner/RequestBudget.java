package city.hotline.intake.partner;

import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * How many requests each partner has left this minute: a fixed window per partner, counted in memory by each replica
 * (so n replicas let through up to n times the setting; the gateway's per-address limit stands in front of it).
 * Windows of partners that stopped calling are replaced at their next request, so the map holds one per partner.
 */
@Component
public class RequestBudget {
  private static final long WINDOW_MILLIS = Duration.ofMinutes(1).toMillis();

  private final int perMinute;
  private final Clock clock;
  private final Map<String, Window> windows = new ConcurrentHashMap<>();

  /**
   * Counted in real time, never the service's clock, which a seed runs many times faster (the windows would shrink
   * and Retry-After would be wrong).
   */
  @Autowired
  RequestBudget(PartnerSettings settings) {
    this(settings, Clock.systemUTC());
  }

  RequestBudget(PartnerSettings settings, Clock clock) {
    if (settings.requestsPerMinute() < 1) {
      throw new IllegalArgumentException("hotline.partners.requests-per-minute must be at least 1");
    }
    this.perMinute = settings.requestsPerMinute();
    this.clock = clock;
  }

  private record Window(long start, int used) {}

  /**
   * Takes one request from the partner's budget.
   *
   * @return empty when it may go ahead, else the seconds until its next window opens (for Retry-After)
   */
  public OptionalLong take(String partnerId) {
    long now = clock.millis();
    long start = now - Math.floorMod(now, WINDOW_MILLIS);
    Window window = windows.compute(partnerId, (id, w) -> w == null || w.start() != start
        ? new Window(start, 1) : new Window(start, Math.min(w.used() + 1, perMinute + 1)));
    if (window.used() <= perMinute) {
      return OptionalLong.empty();
    }
    long waitMillis = start + WINDOW_MILLIS - now;
    return OptionalLong.of(Math.max(1, (waitMillis + 999) / 1000));
  }
}
