package city.hotline.gateway.identity.throttle;

import java.time.Duration;
import java.time.Instant;
import java.util.Date;
import java.util.Optional;
import org.bson.Document;

/**
 * Failed sign-ins in a row per account, and the lock they earn (growing with each failure, up to
 * the longest). An attempt is counted before its password is checked and the count cleared when it
 * turns out right: counted afterwards, a burst of parallel guesses would all pass the check before
 * the first of them was written down. A refused attempt writes nothing, so it never extends a lock.
 */
final class AccountLocks {
  private static final String FAILURES = "failures";
  private static final String LAST_FAILURE = "lastFailure";
  private static final String LOCKED_UNTIL = "lockedUntil";

  private final ThrottleEntries entries;
  private final LoginThrottleSettings.Account rule;

  AccountLocks(ThrottleEntries entries, LoginThrottleSettings.Account rule) {
    this.entries = entries;
    this.rule = rule;
  }

  /** How long the account is still locked, or empty after counting this attempt as a failure. */
  Optional<Duration> admit(String username, Instant now) {
    while (true) {
      Document seen = entries.find(id(username));
      Optional<Duration> locked = lockLeft(seen, now);
      if (locked.isPresent()) {
        return locked;
      }
      int failures = seen == null || forgotten(seen, now) ? 1 : seen.getInteger(FAILURES) + 1;
      Document counted = new Document("_id", id(username))
          .append(FAILURES, failures)
          .append(LAST_FAILURE, Date.from(now))
          .append(LOCKED_UNTIL, Date.from(now.plus(rule.lockAfter(failures))))
          .append(ThrottleEntries.FORGET_AT, Date.from(now.plus(rule.failureMemory())));
      if (entries.replace(seen, counted)) {
        return Optional.empty();
      }
    }
  }

  /** How long the account is still locked; counts nothing. */
  Optional<Duration> lockLeft(String username, Instant now) {
    return lockLeft(entries.find(id(username)), now);
  }

  /** The right password: the failures before it no longer count. */
  void clear(String username) {
    entries.delete(id(username));
  }

  private static Optional<Duration> lockLeft(Document entry, Instant now) {
    if (entry == null) {
      return Optional.empty();
    }
    return ThrottleEntries.until(now, entry.getDate(LOCKED_UNTIL).toInstant());
  }

  private boolean forgotten(Document entry, Instant now) {
    return !now.isBefore(entry.getDate(LAST_FAILURE).toInstant().plus(rule.failureMemory()));
  }

  private static String id(String username) {
    return "account:" + username;
  }
}
