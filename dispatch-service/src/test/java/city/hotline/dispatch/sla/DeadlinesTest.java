package city.hotline.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;

class DeadlinesTest {
  private final SlaSettings sla = new SlaSettings(
      Map.of("EMERGENCY", Duration.ofMinutes(30), "NORMAL", Duration.ofHours(2)),
      Map.of("EMERGENCY", Duration.ofHours(2), "NORMAL", Duration.ofDays(5)));
  private final Instant dispatched = Instant.parse("2026-11-23T01:00:00Z");

  @Test
  void anEmergencyMustBeClaimedInHalfAnHourAndResolvedInTwoHours() {
    Deadlines deadlines = Deadlines.from(dispatched, "EMERGENCY", sla);
    assertThat(deadlines.claimBy()).isEqualTo(Instant.parse("2026-11-23T01:30:00Z"));
    assertThat(deadlines.resolveBy()).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
  }

  @Test
  void aNormalCaseFollowsItsOwnLimits() {
    Deadlines deadlines = Deadlines.from(dispatched, "NORMAL", sla);
    assertThat(deadlines.claimBy()).isEqualTo(Instant.parse("2026-11-23T03:00:00Z"));
    assertThat(deadlines.resolveBy()).isEqualTo(Instant.parse("2026-11-28T01:00:00Z"));
  }

  @Test
  void anUrgencyWithoutConfiguredLimitsIsAnError() {
    assertThatThrownBy(() -> Deadlines.from(dispatched, "URGENT", sla)).hasMessageContaining("URGENT");
  }
}
