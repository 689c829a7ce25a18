package city.hotline.feedback.surge;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Wrong settings stop the service at its start, naming the setting, instead of failing in the stream thread. */
class SurgeSettingsTest {

  private static SurgeSettings with(Duration window, int maxCalls, SurgeRule defaultRule, double endRatio) {
    return new SurgeSettings(true, "surge-test", "", "at_least_once", window, 4, 0.01, Duration.ofSeconds(10), maxCalls,
        defaultRule, Map.of(), endRatio, null, Duration.ofMinutes(1), Duration.ofSeconds(10), 3,
        Duration.ofMinutes(10), Duration.ofHours(1), 0.1);
  }

  @Test
  void theCooldownIsOneWindowUnlessSet() {
    assertThat(with(Duration.ofMinutes(30), 500, new SurgeRule(10, 3), 0.5).cooldown())
        .isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void aWrongSettingIsNamed() {
    SurgeRule rule = new SurgeRule(10, 3);
    assertThatThrownBy(() -> with(Duration.ZERO, 500, rule, 0.5)).hasMessageContaining("hotline.surge.window");
    assertThatThrownBy(() -> with(Duration.ofHours(1), 0, rule, 0.5)).hasMessageContaining("max-calls");
    assertThatThrownBy(() -> with(Duration.ofHours(1), 500, null, 0.5)).hasMessageContaining("default-rule");
    assertThatThrownBy(() -> with(Duration.ofHours(1), 500, new SurgeRule(0, 3), 0.5))
        .hasMessageContaining("default-rule.minimum");
    assertThatThrownBy(() -> with(Duration.ofHours(1), 500, rule, 0)).hasMessageContaining("end-ratio");
    assertThatThrownBy(() -> with(Duration.ofHours(1), 500, rule, 1.5)).hasMessageContaining("end-ratio");
  }
}
