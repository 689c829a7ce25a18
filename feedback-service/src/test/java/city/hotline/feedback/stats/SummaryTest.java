package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SummaryTest {
  private final LocalDate day = LocalDate.of(2026, 11, 23);

  @Test
  void ratesAreComputedFromTheirOwnNumeratorsAndDenominators() {
    Map<Metric, Long> totals = new EnumMap<>(Metric.class);
    totals.put(Metric.RECEIVED, 10L);
    totals.put(Metric.DISPATCHED, 8L);
    totals.put(Metric.CLOSED_DIRECTLY, 1L);
    totals.put(Metric.MERGED, 2L);
    totals.put(Metric.CLAIMED, 8L);
    totals.put(Metric.CLAIMED_ON_TIME, 6L);
    totals.put(Metric.RESOLVED, 4L);
    totals.put(Metric.RESOLVED_ON_TIME, 3L);
    totals.put(Metric.CLOSED, 5L);
    totals.put(Metric.RATED, 4L);
    totals.put(Metric.CONTENT, 3L);
    totals.put(Metric.RETURNED, 2L);
    totals.put(Metric.REOPENED, 1L);
    totals.put(Metric.OVERDUE, 3L);

    Summary summary = Summary.of(day, day, totals);

    assertThat(summary.closureRate()).isEqualTo(new Summary.Rate(5, 10, 0.5));
    assertThat(summary.closedDirectly()).isEqualTo(1);
    assertThat(summary.merged()).isEqualTo(2);
    assertThat(summary.claimOnTimeRate()).isEqualTo(new Summary.Rate(6, 8, 0.75));
    assertThat(summary.resolutionRate()).isEqualTo(new Summary.Rate(4, 8, 0.5));
    assertThat(summary.onTimeResolutionRate()).isEqualTo(new Summary.Rate(3, 4, 0.75));
    assertThat(summary.satisfactionRate()).isEqualTo(new Summary.Rate(3, 4, 0.75));
    assertThat(summary.returnRate()).isEqualTo(new Summary.Rate(2, 8, 0.25));
    assertThat(summary.reopenRate()).isEqualTo(new Summary.Rate(1, 4, 0.25));
    assertThat(summary.overdue()).isEqualTo(3);
  }

  @Test
  void aRateWithNothingToRateIsNullNotZero() {
    Map<Metric, Long> totals = new EnumMap<>(Metric.class);
    for (Metric metric : Metric.values()) {
      totals.put(metric, 0L);
    }
    assertThat(Summary.of(day, day, totals).satisfactionRate().rate()).isNull();
  }
}
