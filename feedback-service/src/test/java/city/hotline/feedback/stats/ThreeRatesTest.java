package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import city.hotline.feedback.stats.Summary.Rate;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 三率 scorecard over hand-made totals: each rate from its own numerator and denominator, the weights, the 红黑榜. */
class ThreeRatesTest {
  private static final LocalDate DAY = LocalDate.of(2026, 11, 2);
  private static final ThreeRates SCORECARD = new ThreeRates(
      new ThreeRatesSettings(new ThreeRatesSettings.Weights(0.1, 0.45, 0.45), 10, 2));

  private static Totals totals(long dispatched, long claimedOnTime, long rated, long solved, long content) {
    Totals t = new Totals();
    t.add(Metric.DISPATCHED, dispatched);
    t.add(Metric.CLAIMED, dispatched);
    t.add(Metric.CLAIMED_ON_TIME, claimedOnTime);
    t.add(Metric.RATED, rated);
    t.add(Metric.SOLVED, solved);
    t.add(Metric.SOLVED_ANSWERED, rated); // every rating answered 问题是否解决, unless a test says otherwise
    t.add(Metric.CONTENT, content);
    return t;
  }

  private static ThreeRates.Ranking rank(Map<String, Totals> groups) {
    return SCORECARD.rank(DAY, DAY, "unit", groups, code -> code + "名");
  }

  @Test
  void eachRateHasItsNumeratorAndDenominatorAndTheScoreWeighsThem() {
    ThreeRates.Item item = rank(Map.of("A", totals(20, 18, 10, 6, 8))).items().get(0);
    assertThat(item.responseRate()).as("响应率: claimed on time of dispatched").isEqualTo(new Rate(18, 20, 0.9));
    assertThat(item.solvedRate()).as("解决率: said solved of those answering").isEqualTo(new Rate(6, 10, 0.6));
    assertThat(item.satisfactionRate()).as("满意率: content of rated").isEqualTo(new Rate(8, 10, 0.8));
    assertThat(item.score()).isCloseTo(100 * (0.1 * 0.9 + 0.45 * 0.6 + 0.45 * 0.8), within(1e-9));
    assertThat(item.name()).isEqualTo("A名");
    assertThat(item.ranked()).isTrue();
    assertThat(item.rank()).isEqualTo(1);
  }

  /** 解决率 is the summary's: of the ratings whose citizen answered 问题是否解决, not of every rating. */
  @Test
  void theSolvedRateCountsOnlyTheRatingsThatAnsweredWhetherItWasSolved() {
    Totals t = totals(20, 18, 10, 6, 8);
    t.add(Metric.SOLVED_ANSWERED, -2); // two of the ten rated left the question out
    ThreeRates.Item item = rank(Map.of("A", t)).items().get(0);
    assertThat(item.solvedRate()).isEqualTo(new Rate(6, 8, 0.75));
    Summary summary = Summary.of(DAY, DAY, t, SummaryTest.WEIGHTS);
    assertThat(item.solvedRate()).isEqualTo(summary.solvedRate());
    assertThat(item.satisfactionRate()).isEqualTo(summary.satisfactionRate());
  }

  @Test
  void aRateWithNothingToRateLeavesTheScoreToTheOthers() {
    ThreeRates.Item unrated = rank(Map.of("A", totals(12, 9, 0, 0, 0))).items().get(0);
    assertThat(unrated.solvedRate()).isEqualTo(new Rate(0, 0, null));
    assertThat(unrated.score()).as("only 响应率 is left").isCloseTo(75.0, within(1e-9));
  }

  @Test
  void underTheMinimumVolumeAGroupIsShownAfterTheRankedWithoutARank() {
    Map<String, Totals> groups = new LinkedHashMap<>();
    groups.put("SMALL", totals(9, 9, 9, 9, 9)); // perfect, but only nine dispatched
    groups.put("BIG", totals(10, 5, 10, 5, 5));
    groups.put("IDLE", new Totals());
    ThreeRates.Ranking ranking = rank(groups);
    assertThat(ranking.items()).extracting(ThreeRates.Item::code).containsExactly("BIG", "SMALL", "IDLE");
    assertThat(ranking.items()).extracting(ThreeRates.Item::rank).containsExactly(1, null, null);
    assertThat(ranking.items()).extracting(ThreeRates.Item::ranked).containsExactly(true, false, false);
    assertThat(ranking.items().get(1).score()).isCloseTo(100.0, within(1e-9));
    assertThat(ranking.items().get(2).score()).isNull();
    assertThat(ranking.minimumVolume()).isEqualTo(10);
    assertThat(ranking.weights()).containsExactly(Map.entry("responseRate", 0.1), Map.entry("solvedRate", 0.45),
        Map.entry("satisfactionRate", 0.45));
    assertThat(ranking.scheme()).isEqualTo("three-rates");
  }

  /** 红黑榜 of two each: the best two, and the worst two worst first; with fewer ranked, none is on both. */
  @Test
  void theRedListHasTheBestAndTheBlackListTheWorstWorstFirst() {
    Map<String, Totals> groups = new LinkedHashMap<>();
    for (int i = 1; i <= 5; i++) {
      groups.put("U" + i, totals(10, 10, 10, 10 - i, 10 - i)); // U1 best … U5 worst
    }
    groups.put("FEW", totals(3, 3, 3, 3, 3));
    ThreeRates.Ranking ranking = rank(groups);
    assertThat(ranking.red()).extracting(ThreeRates.Item::code).containsExactly("U1", "U2");
    assertThat(ranking.black()).extracting(ThreeRates.Item::code).containsExactly("U5", "U4");
    assertThat(ranking.black()).extracting(ThreeRates.Item::rank).containsExactly(5, 4);

    Map<String, Totals> three = new LinkedHashMap<>();
    three.put("U1", totals(10, 10, 10, 9, 9));
    three.put("U2", totals(10, 10, 10, 8, 8));
    three.put("U3", totals(10, 10, 10, 7, 7));
    ThreeRates.Ranking few = rank(three);
    assertThat(few.red()).extracting(ThreeRates.Item::code).containsExactly("U1", "U2");
    assertThat(few.black()).extracting(ThreeRates.Item::code).containsExactly("U3");
  }

  @Test
  void weightsMustBeNonNegativeAndNotAllZero() {
    assertThatThrownBy(() -> new ThreeRatesSettings.Weights(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThreeRatesSettings.Weights(-0.1, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
