package city.hotline.gateway.identity.throttle;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.EnumMap;
import java.util.Locale;
import java.util.Map;

/**
 * The sign-in counters an operator's alert watches (SPEC §8.3): failed sign-ins by reason and
 * refusals by the limit that refused. Tags are fixed codes, never a username or an address. Every
 * counter is registered at start, at 0, so the first failure after a start is an increase.
 */
final class SignInMeters {
  /** Which brake refused: one account's lock, or one address's failures. */
  enum Scope { ACCOUNT, ADDRESS }

  private final Map<SignInFailure, Counter> failures = new EnumMap<>(SignInFailure.class);
  private final Map<Scope, Counter> throttled = new EnumMap<>(Scope.class);

  SignInMeters(MeterRegistry registry) {
    for (SignInFailure reason : SignInFailure.values()) {
      failures.put(reason, Counter.builder("hotline.signin.failures")
          .description("Admitted sign-ins that failed")
          .tag("reason", reason.tag())
          .register(registry));
    }
    for (Scope scope : Scope.values()) {
      throttled.put(scope, Counter.builder("hotline.signin.throttled")
          .description("Sign-ins refused by the brute-force protection before any password check")
          .tag("scope", scope.name().toLowerCase(Locale.ROOT))
          .register(registry));
    }
  }

  void failed(SignInFailure reason) {
    failures.get(reason).increment();
  }

  void throttled(Scope scope) {
    throttled.get(scope).increment();
  }
}
