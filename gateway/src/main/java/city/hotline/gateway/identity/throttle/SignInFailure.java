package city.hotline.gateway.identity.throttle;

import java.util.Locale;

/**
 * Why an admitted sign-in failed, as counted in {@code hotline_signin_failures_total{reason}}. The
 * caller is told the same for both; the operator may see the difference. A wrong password and an
 * unknown username are one reason: telling them apart would say which usernames exist.
 */
public enum SignInFailure {
  BAD_CREDENTIALS,
  /** The right password for an account an administrator disabled. */
  ACCOUNT_DISABLED;

  String tag() {
    return name().toLowerCase(Locale.ROOT);
  }
}
