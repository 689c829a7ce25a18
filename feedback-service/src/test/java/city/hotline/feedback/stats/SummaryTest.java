package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class SummaryTest {
  static final ScoreWeights WEIGHTS = new ScoreWeights(0.15, 0.15, 0.30, 0.30, 0.10);
  private final LocalDate day = LocalDate.of(2026, 11, 23);

  @Test
  void ratesAreComputedFromTheirOwnNumeratorsAndDenominators() {
    Totals totals = new Totals();
    totals.add(Metric.RECEIVED, 10);
    totals.add(Metric.DISPATCHED, 8);
    totals.add(Metric.CLOSED_DIRECTLY, 1);
    totals.add(Metric.MERGED, 2);
    totals.add(Metric.CLAIMED, 8);
    totals.add(Metric.CLAIMED_ON_TIME, 6);
    totals.add(Metric.RESOLVED, 4);
    totals.add(Metric.RESOLVED_ON_TIME, 3);
    totals.add(Metric.CLOSED, 5);
    totals.add(Metric.RATED, 4);
    totals.add(Metric.CONTENT, 3);
    totals.add(Metric.SOLVED, 1);
    totals.add(Metric.SOLVED_ANSWERED, 2); // two of the four rated answered 问题是否解决
    totals.add(Metric.RETURNED, 2);
    totals.add(Metric.REOPENED, 1);
    totals.add(Metric.OVERDUE, 3);
    totals.add(Metric.CONSULTATIONS, 4);
    totals.add(Metric.ANSWERED_FROM_KNOWLEDGE, 1);

    Summary summary = Summary.of(day, day, totals, WEIGHTS);

    assertThat(summary.closureRate()).isEqualTo(new Summary.Rate(5, 10, 0.5));
    assertThat(summary.closedDirectly()).isEqualTo(1);
    assertThat(summary.merged()).isEqualTo(2);
    assertThat(summary.claimOnTimeRate()).isEqualTo(new Summary.Rate(6, 8, 0.75));
    assertThat(summary.resolutionRate()).isEqualTo(new Summary.Rate(4, 8, 0.5));
    assertThat(summary.onTimeResolutionRate()).isEqualTo(new Summary.Rate(3, 4, 0.75));
    assertThat(summary.satisfactionRate()).isEqualTo(new Summary.Rate(3, 4, 0.75));
    assertThat(summary.solved()).isEqualTo(1);
    assertThat(summary.solvedRate()).as("解决率: of the rated who answered whether it was solved")
        .isEqualTo(new Summary.Rate(1, 2, 0.5));
    assertThat(summary.returnVisitRate()).isEqualTo(new Summary.Rate(4, 4, 1.0));
    assertThat(summary.returnRate()).isEqualTo(new Summary.Rate(2, 8, 0.25));
    assertThat(summary.reopenRate()).isEqualTo(new Summary.Rate(1, 4, 0.25));
    assertThat(summary.overdue()).isEqualTo(3);
    assertThat(summary.consultations()).isEqualTo(4);
    assertThat(summary.knowledgeAnswerRate()).as("知识库解答率").isEqualTo(new Summary.Rate(1, 4, 0.25));
    // 100 × (0.15 × 0.75 + 0.15 × 0.5 + 0.30 × 0.75 + 0.30 × 0.75 + 0.10 × 0.5)
    assertThat(summary.score()).isCloseTo(68.75, within(1e-9));
  }

  @Test
  void aRateWithNothingToRateIsNullNotZeroAndLeavesTheScore() {
    Totals totals = new Totals();
    assertThat(Summary.of(day, day, totals, WEIGHTS).satisfactionRate().rate()).isNull();
    assertThat(Summary.of(day, day, totals, WEIGHTS).score()).isNull();
    totals.add(Metric.RECEIVED, 2);
    totals.add(Metric.CLOSED, 1);
    // only the closure rate can be scored: 50 %, whatever its weight
    assertThat(Summary.of(day, day, totals, WEIGHTS).score()).isCloseTo(50.0, within(1e-9));
  }

  @Test
  void handlingTimesGiveAnExactMeanAndTheP90ToItsBucket() {
    Totals totals = new Totals();
    for (long hours : new long[] {1, 2, 3, 5, 6, 7, 9, 10, 11, 30}) {
      totals.handling().add(hours * 3600);
    }
    Summary.Handling handling = Summary.of(day, day, totals, WEIGHTS).handlingHours();
    assertThat(handling.count()).isEqualTo(10);
    assertThat(handling.mean()).isCloseTo(8.4, within(1e-9));
    assertThat(handling.p90()).isEqualTo(12.0); // the 9th of 10 (11 h) lies in the 8–12 h bucket
    assertThat(Summary.of(day, day, new Totals(), WEIGHTS).handlingHours().mean()).isNull();
  }

  @Test
  void aUnitReceivesWhatWasDispatchedToIt() {
    Totals totals = new Totals();
    totals.add(Metric.DISPATCHED, 4);
    totals.add(Metric.CLOSED, 2);
    assertThat(Summary.of(day, day, totals.asUnit(), WEIGHTS).closureRate()).isEqualTo(new Summary.Rate(2, 4, 0.5));
  }

  @Test
  void weightsMustBeNonNegativeAndNotAllZero() {
    assertThatThrownBy(() -> new ScoreWeights(0, 0, 0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ScoreWeights(-1, 1, 1, 1, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
