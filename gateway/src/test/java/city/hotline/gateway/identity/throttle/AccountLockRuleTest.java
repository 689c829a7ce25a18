package city.hotline.gateway.identity.throttle;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;

/** The per-account rule on its own: how long each failure in a row locks the account. */
class AccountLockRuleTest {
  private final LoginThrottleSettings.Account rule =
      new LoginThrottleSettings.Account(5, Duration.ofSeconds(30), Duration.ofMinutes(15), Duration.ofHours(24));

  @Test
  void typosBelowTheLimitCostNothing() {
    for (int failures = 0; failures < 5; failures++) {
      assertThat(rule.lockAfter(failures)).as("after %d failures", failures).isZero();
    }
  }

  @Test
  void eachFailureFromTheLimitOnDoublesTheLockUpToTheLongest() {
    assertThat(rule.lockAfter(5)).isEqualTo(Duration.ofSeconds(30));
    assertThat(rule.lockAfter(6)).isEqualTo(Duration.ofMinutes(1));
    assertThat(rule.lockAfter(7)).isEqualTo(Duration.ofMinutes(2));
    assertThat(rule.lockAfter(9)).isEqualTo(Duration.ofMinutes(8));
    assertThat(rule.lockAfter(10)).isEqualTo(Duration.ofMinutes(15));
    assertThat(rule.lockAfter(Integer.MAX_VALUE)).as("a run of any length").isEqualTo(Duration.ofMinutes(15));
  }

  @Test
  void aMemoryNoLongerThanTheLongestLockIsRefusedAtStartup() {
    assertThatThrownBy(() -> new LoginThrottleSettings.Account(5, Duration.ofSeconds(30), Duration.ofMinutes(15),
        Duration.ofMinutes(15))).hasMessageContaining("failure-memory");
    assertThatThrownBy(() -> new LoginThrottleSettings.Account(5, Duration.ofMinutes(1), Duration.ofSeconds(30),
        Duration.ofHours(1))).hasMessageContaining("longest lock");
    assertThatThrownBy(() -> new LoginThrottleSettings.Address(0, Duration.ofMinutes(5)))
        .hasMessageContaining("failure limit");
  }
}
