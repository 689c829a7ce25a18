package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.support.web.ApiException.FieldProblem;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The rules of every period (dashboard questions, governance topics): each broken one named by the same field. */
class PeriodTest {
  private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
  private final List<FieldProblem> problems = new ArrayList<>();

  @Test
  void daysAreDatesAsYyyyMmDd() {
    assertThat(Period.date("from", "2026-12-01", problems)).isEqualTo(DEC_1);
    assertThat(Period.date("from", " ", problems)).as("not sent").isNull();
    assertThat(problems).isEmpty();
    assertThat(Period.date("to", "yesterday", problems)).isNull();
    assertThat(problems).containsExactly(new FieldProblem("to", "must be a date as YYYY-MM-DD"));
  }

  @Test
  void fromIsNotAfterToAndThePeriodCoversAtMostTheDaysAllowed() {
    assertThat(Period.checked(DEC_1, DEC_1.plusDays(9), 10, null, problems)).isEqualTo(
        new Period(DEC_1, DEC_1.plusDays(9)));
    assertThat(Period.checked(DEC_1, DEC_1.minusDays(1), 10, null, problems)).isNull();
    assertThat(Period.checked(DEC_1, DEC_1.plusDays(10), 10, null, problems)).isNull();
    assertThat(problems).containsExactly(new FieldProblem("from", "must not be after 'to'"),
        new FieldProblem("from", "the period may cover at most 10 days"));
  }

  @Test
  void aPeriodThatMayNotReachPastADayNamesTo() {
    assertThat(Period.checked(DEC_1, DEC_1, 10, DEC_1, problems)).isNotNull();
    assertThat(Period.checked(DEC_1, DEC_1.plusDays(1), 10, DEC_1, problems)).isNull();
    assertThat(problems).containsExactly(new FieldProblem("to", "must not be after today (2026-12-01)"));
  }
}
