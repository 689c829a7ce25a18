package city.hotline.gateway.identity.throttle;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sign-in throttling (application.yml {@code hotline.identity.login-throttle}). */
@ConfigurationProperties("hotline.identity.login-throttle")
public record LoginThrottleSettings(Account account, Address address) {

  /**
   * The brake on guessing one account's password: its owner's typos cost only that owner a wait.
   *
   * @param failuresBeforeLock failed sign-ins in a row after which the account is locked
   * @param firstLock the lock after that many failures; each further failure doubles it
   * @param longestLock the doubling stops here
   * @param failureMemory how long after an account's last failure its count is forgotten
   */
  public record Account(int failuresBeforeLock, Duration firstLock, Duration longestLock, Duration failureMemory) {
    public Account {
      if (failuresBeforeLock < 1 || firstLock.compareTo(Duration.ZERO) <= 0 || longestLock.compareTo(firstLock) < 0) {
        throw new IllegalArgumentException("login-throttle.account: at least one failure before a lock, "
            + "a positive first lock and a longest lock no shorter than it");
      }
      // A guesser waiting out the longest lock must still find his count there when he comes back.
      if (failureMemory.compareTo(longestLock) <= 0) {
        throw new IllegalArgumentException("login-throttle.account.failure-memory must be longer than longest-lock");
      }
    }

    /** How long the account is locked after {@code failuresInARow} failed sign-ins in a row. */
    Duration lockAfter(int failuresInARow) {
      if (failuresInARow < failuresBeforeLock) {
        return Duration.ZERO;
      }
      Duration lock = firstLock;
      // Doubled step by step rather than by a power of two, which would overflow on a long run.
      for (int i = failuresBeforeLock; i < failuresInARow && lock.compareTo(longestLock) < 0; i++) {
        lock = lock.multipliedBy(2);
      }
      return lock.compareTo(longestLock) < 0 ? lock : longestLock;
    }
  }

  /**
   * The brake on one address trying many accounts. Loose, because a call centre signs in from
   * behind one NAT address: only wrong passwords count, never correct sign-ins.
   *
   * @param failureLimit failed sign-ins from one address within the window after which that address waits
   * @param window the fixed window the failures are counted in; the address waits until it ends
   */
  public record Address(int failureLimit, Duration window) {
    public Address {
      if (failureLimit < 1 || window.compareTo(Duration.ZERO) <= 0) {
        throw new IllegalArgumentException("login-throttle.address: a positive failure limit and window");
      }
    }
  }
}
