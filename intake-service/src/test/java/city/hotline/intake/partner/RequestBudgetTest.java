package city.hotline.intake.partner;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

/** Each partner's requests a minute: the next one past the budget waits for the next minute, told how long. */
class RequestBudgetTest {
  private final MovableClock clock = new MovableClock(Instant.parse("2026-12-08T01:00:45Z"));
  private final RequestBudget budget = new RequestBudget(new PartnerSettings(3), clock);

  @Test
  void aPartnerGetsItsRequestsAMinuteThenARetryAfterUntilTheNextMinute() {
    for (int i = 0; i < 3; i++) {
      assertThat(budget.take("PT0001")).isEmpty();
    }
    assertThat(budget.take("PT0001")).hasValue(15);
    assertThat(budget.take("PT0002")).as("each partner its own budget").isEmpty();

    clock.advance(Duration.ofSeconds(15));
    assertThat(budget.take("PT0001")).isEmpty();
  }
}
