package city.hotline.gateway.identity.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Wrong passwords per address in a fixed window; past the limit the address waits until the window
 * ends. Refused attempts are not counted, so they never push that end back.
 */
final class AddressLimit {
  private static final String COUNT = "count";
  private static final String WINDOW_START = "windowStart";

  private final ThrottleEntries entries;
  private final LoginThrottleSettings.Address rule;

  AddressLimit(ThrottleEntries entries, LoginThrottleSettings.Address rule) {
    this.entries = entries;
    this.rule = rule;
  }

  /** How long the address must still wait, or empty. */
  Optional<Duration> waitLeft(String address, Instant now) {
    Document entry = entries.find(id(address));
    if (entry == null || entry.getInteger(COUNT) < rule.failureLimit()) {
      return Optional.empty();
    }
    return ThrottleEntries.until(now, windowEnd(entry));
  }

  void countFailure(String address, Instant now) {
    Document seen;
    Document counted;
    do {
      seen = entries.find(id(address));
      counted = seen != null && now.isBefore(windowEnd(seen))
          ? new Document(seen).append(COUNT, seen.getInteger(COUNT) + 1)
          : new Document("_id", id(address)).append(COUNT, 1).append(WINDOW_START, Date.from(now))
              .append(ThrottleEntries.FORGET_AT, Date.from(now.plus(rule.window())));
    } while (!entries.replace(seen, counted));
  }

  private Instant windowEnd(Document entry) {
    return entry.getDate(WINDOW_START).toInstant().plus(rule.window());
  }

  private static String id(String address) {
    return "address:" + address;
  }
}
