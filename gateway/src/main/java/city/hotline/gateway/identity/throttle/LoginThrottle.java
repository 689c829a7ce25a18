package city.hotline.gateway.identity.throttle;

import city.hotline.gateway.identity.throttle.SignInMeters.Scope;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Brute-force protection for sign-in (SPEC §8.1): per account, a lock that grows with each failure
 * in a row, so a guessing run is slowed while one person's typos lock out only that person; per
 * address, a much looser separate limit, so a call centre behind one NAT address signs in freely.
 * The answer is the same whether the account exists or not. Counted in the gateway's database, so
 * every gateway replica sees the same counts and locks. Failures and refusals are also counted for
 * the operator ({@link SignInMeters}).
 */
@Component
public class LoginThrottle {
  private final AccountLocks accounts;
  private final AddressLimit addresses;
  private final Clock clock;
  private final SignInMeters meters;

  public LoginThrottle(MongoDatabase gatewayDatabase, LoginThrottleSettings settings, Clock clock,
      MeterRegistry registry) {
    ThrottleEntries entries = new ThrottleEntries(gatewayDatabase);
    this.accounts = new AccountLocks(entries, settings.account());
    this.addresses = new AddressLimit(entries, settings.address());
    this.clock = clock;
    this.meters = new SignInMeters(registry);
  }

  /**
   * How long the caller must wait before trying again, or empty when the attempt may go ahead. An
   * attempt that goes ahead counts as a failure of the account until {@link #signedIn} clears it;
   * one that must wait changes nothing.
   */
  public Optional<Duration> admit(String username, String address) {
    Instant now = now();
    Optional<Duration> addressWait = addresses.waitLeft(address, now);
    if (addressWait.isEmpty()) {
      Optional<Duration> accountWait = accounts.admit(username, now);
      accountWait.ifPresent(wait -> meters.throttled(Scope.ACCOUNT));
      return accountWait;
    }
    // Counted as the address's refusal even when the account is locked too: the address decided first,
    // and one address over its limit is the guessing run the operator has to hear about.
    meters.throttled(Scope.ADDRESS);
    // Tell the longer of the two waits, so the caller is not refused again when it comes back.
    return accounts.lockLeft(username, now).filter(accountWait -> accountWait.compareTo(addressWait.get()) > 0)
        .or(() -> addressWait);
  }

  /** An admitted attempt failed: a wrong password, or no such or a disabled account. */
  public void failed(String address, SignInFailure reason) {
    meters.failed(reason);
    addresses.countFailure(address, now());
  }

  /** An admitted attempt had the right password: the account's failures no longer count. */
  public void signedIn(String username) {
    accounts.clear(username);
  }

  /** Whole seconds until {@code wait} has passed, rounded up, as {@code Retry-After} wants them. */
  public static long retryAfterSeconds(Duration wait) {
    return wait.getSeconds() + (wait.getNano() > 0 ? 1 : 0);
  }

  /** The store keeps milliseconds: a lock read back must end exactly when it was computed to. */
  private Instant now() {
    return clock.instant().truncatedTo(ChronoUnit.MILLIS);
  }
}
