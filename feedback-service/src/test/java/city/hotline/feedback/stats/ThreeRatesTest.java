package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import city.hotline.feedback.stats.Summary.Rate;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
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

  /**
   * A unit with every call claimed on time but no rating yet (or ratings that left 问题是否解决 out) has no score: a
   * score made of 响应率 alone would put it at the top of the 红榜.
   */
  @Test
  void aGroupWithARateWithNothingToRateHasNoScoreAndIsNotRanked() {
    Map<String, Totals> groups = new LinkedHashMap<>();
    groups.put("UNRATED", totals(20, 20, 0, 0, 0));
    Totals unanswered = totals(20, 20, 10, 0, 10);
    unanswered.add(Metric.SOLVED_ANSWERED, -10); // rated, but nobody answered whether it was solved
    groups.put("UNANSWERED", unanswered);
    groups.put("RATED", totals(10, 5, 10, 5, 5));
    ThreeRates.Ranking ranking = rank(groups);
    assertThat(ranking.items()).extracting(ThreeRates.Item::code).containsExactly("RATED", "UNANSWERED", "UNRATED");
    assertThat(ranking.items()).extracting(ThreeRates.Item::rank).containsExactly(1, null, null);
    assertThat(ranking.items().get(2).solvedRate()).isEqualTo(new Rate(0, 0, null));
    assertThat(ranking.items().subList(1, 3)).extracting(ThreeRates.Item::score).containsOnlyNulls();
    assertThat(ranking.red()).extracting(ThreeRates.Item::code).containsExactly("RATED");
  }

  /**
   * Scores equal as shown (to 0.1) share a rank, the next skips (1, 1, 3); the one with more dispatched is listed
   * first. 72.96 and 73.0 both show as 73.0: the 0.04 is not a difference a leader can see.
   */
  @Test
  void equalShownScoresShareARankAndTheNextRankSkips() {
    Map<String, Totals> groups = new LinkedHashMap<>();
    groups.put("A", totals(100, 100, 100, 70, 70)); // 10 + 31.5 + 31.5 = 73.0
    groups.put("B", totals(250, 249, 100, 70, 70)); // 9.96 + 63 = 72.96
    groups.put("C", totals(100, 100, 100, 60, 60)); // 64.0
    ThreeRates.Ranking ranking = rank(groups);
    assertThat(ranking.items().get(1).score()).isCloseTo(73.0, within(1e-9));
    assertThat(ranking.items().get(0).score()).isCloseTo(72.96, within(1e-9));
    assertThat(ranking.items()).extracting(ThreeRates.Item::code).containsExactly("B", "A", "C");
    assertThat(ranking.items()).extracting(ThreeRates.Item::rank).containsExactly(1, 1, 3);
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
  }

  /**
   * With N ranked and lists of S = 2: the 红榜 is the first min(S, N), the 黑榜 the last min(S, N − min(S, N)) worst
   * first, so the lists never overlap and a short list is the 黑榜's.
   */
  @Test
  void theListsNeverOverlapAndTheRedListFillsFirst() {
    Map<Integer, String> expected = Map.of(0, "[] []", 1, "[U1] []", 2, "[U1, U2] []", 3, "[U1, U2] [U3]",
        4, "[U1, U2] [U4, U3]", 5, "[U1, U2] [U5, U4]");
    expected.forEach((n, lists) -> {
      Map<String, Totals> groups = new LinkedHashMap<>();
      for (int i = 1; i <= n; i++) {
        groups.put("U" + i, totals(10, 10, 10, 10 - i, 10 - i));
      }
      ThreeRates.Ranking ranking = rank(groups);
      assertThat(codes(ranking.red()) + " " + codes(ranking.black())).as(n + " ranked").isEqualTo(lists);
    });
  }

  private static String codes(List<ThreeRates.Item> items) {
    return items.stream().map(ThreeRates.Item::code).toList().toString();
  }

  @Test
  void weightsMustBeNonNegativeAndNotAllZero() {
    assertThatThrownBy(() -> new ThreeRatesSettings.Weights(0, 0, 0)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new ThreeRatesSettings.Weights(-0.1, 0.5, 0.5)).isInstanceOf(IllegalArgumentException.class);
  }
}
