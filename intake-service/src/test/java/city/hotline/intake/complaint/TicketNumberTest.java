package city.hotline.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class TicketNumberTest {

  @Test
  void ticketNumberIsPrefixDateAndSixDigitSequence() {
    String day = TicketNumber.dayKey("WH", LocalDate.of(2026, 11, 22));
    assertThat(TicketNumber.of(day, 123)).isEqualTo("WH20261122000123");
  }

  @Test
  void aDayHasAtMostAMillionMinusOneTickets() {
    String day = TicketNumber.dayKey("WH", LocalDate.of(2026, 11, 22));
    assertThat(TicketNumber.of(day, 999_999)).isEqualTo("WH20261122999999");
    assertThatThrownBy(() -> TicketNumber.of(day, 1_000_000)).isInstanceOf(IllegalStateException.class);
  }
}
