package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseDispatched;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.metrics.ClockPasses;
import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The read model against the hand-worked {@link Scenario}: the figures are right to the case, and stay
 * the same whatever order the events come in and however often (SPEC §5). Runs the projection, the
 * roll-up and the in-memory cube on a Mongo-wire server, without Spring or Kafka.
 */
class StatsProjectionTest {
  private static final MongoWireTestServer MONGO = new MongoWireTestServer();
  private static final MongoClient CLIENT = MongoClients.create(MONGO.uri());
  private static final StatsSettings SETTINGS = new StatsSettings(Scenario.ZONE, 30, 1100, SummaryTest.WEIGHTS,
      Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
  private static final List<String> DISTRICTS = List.of("JIANGAN", "JIANGHAN", "QIAOKOU", "HANYANG", "WUCHANG",
      "QINGSHAN", "HONGSHAN", "DONGXIHU", "HANNAN", "CAIDIAN", "JIANGXIA", "HUANGPI", "XINZHOU", "EAST_LAKE_HIGH_TECH",
      "ECONOMIC_DEVELOPMENT_ZONE", "EAST_LAKE_SCENIC");
  static final ReferenceNames NAMES = new ReferenceNames(
      DISTRICTS.stream().map(d -> new ReferenceNames.Entry(d, d + "区")).toList(),
      Stream.of("SANITATION", "STREET_LIGHTING", "GREENERY", "OTHER").map(c -> new ReferenceNames.Entry(c, c)).toList());
  private static int databases;

  @AfterAll
  static void stop() {
    CLIENT.close();
    MONGO.close();
  }

  static final ThreeRatesSettings THREE_RATES = new ThreeRatesSettings(
      new ThreeRatesSettings.Weights(0.1, 0.45, 0.45), 2, 5);

  /** A fresh read model in its own database, fed the events in the given order. */
  private static DashboardQueries feed(List<EventEnvelope<?>> events) {
    return queries(cube(events));
  }

  private static DashboardQueries queries(StatsCube cube) {
    return new DashboardQueries(cube, NAMES, SETTINGS, THREE_RATES, new HotspotSettings(10));
  }

  private static StatsCube cube(List<EventEnvelope<?>> events) {
    StatsCube cube = new StatsCube(counted(events));
    cube.refresh();
    return cube;
  }

  /** A fresh read model in its own database with the events counted and rolled up. */
  private static StatsStore counted(List<EventEnvelope<?>> events) {
    MongoDatabase database = CLIENT.getDatabase("stats-" + (++databases));
    StatsStore store = new StatsStore(database, Clock.systemUTC());
    StatsProjection projection = new StatsProjection(SETTINGS);
    StatsStore.Generation g = store.generation(1);
    events.forEach(e -> projection.apply(g, e));
    StatsRollup rollup = new StatsRollup(store, SETTINGS, new ClockPasses(new SimpleMeterRegistry()));
    while (rollup.rollUp(g) > 0) {
      // until every changed cell is rolled up
    }
    assertThat(rollup.settled(g)).isTrue();
    return store;
  }

  private static DashboardFilter both(String district, String unitId) {
    return new DashboardFilter(Scenario.DAY_1, Scenario.DAY_2, district, unitId, null);
  }

  @Test
  void theWholeCityOverBothDaysMatchesTheHandCount() {
    Summary s = feed(new Scenario("WH20261102").events()).summary(both(null, null));
    assertThat(s.received()).isEqualTo(6);
    assertThat(s.closedDirectly()).isEqualTo(1);
    assertThat(s.merged()).isEqualTo(1);
    assertThat(s.dispatched()).as("T2 routed twice and reopened: once").isEqualTo(4);
    assertThat(s.claimOnTimeRate()).as("T2's first claim was late").isEqualTo(new Summary.Rate(2, 3, 2 / 3.0));
    assertThat(s.resolutionRate()).isEqualTo(new Summary.Rate(3, 4, 0.75));
    assertThat(s.onTimeResolutionRate()).isEqualTo(new Summary.Rate(2, 3, 2 / 3.0));
    assertThat(s.closureRate()).isEqualTo(new Summary.Rate(4, 6, 4 / 6.0));
    assertThat(s.satisfactionRate()).as("未接通 and NO_RESPONSE are not ratings").isEqualTo(new Summary.Rate(1, 1, 1.0));
    assertThat(s.solvedRate()).as("T1's citizen said solved").isEqualTo(new Summary.Rate(1, 1, 1.0));
    assertThat(s.returnVisitRate()).isEqualTo(new Summary.Rate(1, 3, 1 / 3.0));
    assertThat(s.returnRate()).isEqualTo(new Summary.Rate(1, 4, 0.25));
    assertThat(s.reopenRate()).isEqualTo(new Summary.Rate(1, 3, 1 / 3.0));
    assertThat(s.consultations()).isEqualTo(1);
    assertThat(s.answeredFromKnowledge()).isEqualTo(1);
    assertThat(s.knowledgeAnswerRate()).as("T4, from an article").isEqualTo(new Summary.Rate(1, 1, 1.0));
    assertThat(s.overdue()).isEqualTo(1);
    assertThat(s.handlingHours().count()).isEqualTo(3);
    assertThat(s.handlingHours().mean()).as("(6 + 31 + 2) / 3").isCloseTo(13.0, within(1e-9));
    assertThat(s.handlingHours().p90()).isEqualTo(48.0);
    assertThat(s.score()).isCloseTo(100 * (0.15 * 2 / 3 + 0.15 * 0.75 + 0.30 * 2 / 3 + 0.30 + 0.10 * 4 / 6),
        within(1e-9));
  }

  /** Each question reads the coarsest day sums that keep what it asks about; they must be the cells' figures exactly. */
  @Test
  void theDaySumsAtEveryGrainShowWhatTheCellsShow() {
    StatsCube cube = cube(new Scenario("WH20261102").events());
    for (DashboardFilter f : List.of(both(null, null), both("HONGSHAN", null), both("JIANGAN", null),
        both(null, "WUCHANG_CGJ"), both("JIANGAN", "JIANGAN_CGJ"), new DashboardFilter(Scenario.DAY_2, Scenario.DAY_2, null, null, null))) {
      StatsCube.Grain coarsest = f.grain(false, false, false);
      assertThat(summary(cube, coarsest, f)).as(f + " at " + coarsest).isEqualTo(summary(cube, StatsCube.Grain.CATEGORY, f));
      for (boolean byDistrict : new boolean[] {true, false}) {
        java.util.function.Function<CellKey, String> group = byDistrict ? CellKey::district : CellKey::unitId;
        StatsCube.Grain grain = f.grain(byDistrict, !byDistrict, false);
        assertThat(groupedSummaries(cube, grain, f, group)).as(f + " at " + grain).isNotEmpty()
            .isEqualTo(groupedSummaries(cube, StatsCube.Grain.CATEGORY, f, group));
      }
    }
    assertThat(both(null, null).grain(false, false, false)).isEqualTo(StatsCube.Grain.CITY);
    assertThat(both("JIANGAN", null).grain(false, true, false)).isEqualTo(StatsCube.Grain.DISTRICT_UNIT);
    assertThat(both(null, null).grain(false, false, true)).isEqualTo(StatsCube.Grain.CATEGORY);
  }

  private static Map<String, Summary> groupedSummaries(StatsCube cube, StatsCube.Grain grain, DashboardFilter f,
      java.util.function.Function<CellKey, String> group) {
    Map<String, Summary> summaries = new java.util.HashMap<>();
    cube.grouped(f.from(), f.to(), grain, f.cells(), group)
        .forEach((code, totals) -> summaries.put(code, Summary.of(f.from(), f.to(), totals, SETTINGS.scoreWeights())));
    return summaries;
  }

  private static Summary summary(StatsCube cube, StatsCube.Grain grain, DashboardFilter f) {
    return Summary.of(f.from(), f.to(), cube.totals(f.from(), f.to(), grain, f.cells()), SETTINGS.scoreWeights());
  }

  @Test
  void eachEventCountsInTheDayItHappened() {
    DashboardQueries q = feed(new Scenario("WH20261102").events());
    Summary first = q.summary(new DashboardFilter(Scenario.DAY_1, Scenario.DAY_1, null, null, null));
    assertThat(first.received()).isEqualTo(4);
    assertThat(first.dispatched()).isEqualTo(2);
    assertThat(first.claimed()).isEqualTo(1);
    assertThat(first.resolved()).isEqualTo(1);
    assertThat(first.closed()).as("only T4; T1 closes on day 2").isEqualTo(1);
    assertThat(first.returned()).isEqualTo(1);
    Summary second = q.summary(new DashboardFilter(Scenario.DAY_2, Scenario.DAY_2, null, null, null));
    assertThat(second.received()).isEqualTo(2);
    assertThat(second.closed()).isEqualTo(3);
    List<DashboardQueries.TrendPoint> points = q.trend(both(null, null), DashboardQueries.Interval.DAY).points();
    assertThat(points).extracting(DashboardQueries.TrendPoint::received).containsExactly(4L, 2L);
    assertThat(q.trend(both(null, null), DashboardQueries.Interval.WEEK).points()).singleElement()
        .satisfies(p -> assertThat(p.closed()).isEqualTo(4));
  }

  /** A case counts once per figure, where it was first counted: T2's dispatch stays with 江岸区城管局. */
  @Test
  void eachUnitCountsWhatItWasFirstSentAndWhatItDid() {
    DashboardQueries q = feed(new Scenario("WH20261102").events());
    Summary jiangan = q.summary(both(null, "JIANGAN_CGJ"));
    assertThat(jiangan.received()).isEqualTo(2);
    assertThat(jiangan.dispatched()).isEqualTo(2);
    assertThat(jiangan.claimed()).isEqualTo(1);
    assertThat(jiangan.returned()).isEqualTo(1);
    assertThat(jiangan.closed()).isEqualTo(1);
    Summary wuchang = q.summary(both(null, "WUCHANG_CGJ"));
    assertThat(wuchang.dispatched()).as("T3 only").isEqualTo(1);
    assertThat(wuchang.claimOnTimeRate()).isEqualTo(new Summary.Rate(0, 1, 0.0));
    assertThat(wuchang.resolved()).isEqualTo(1);
    assertThat(wuchang.overdue()).isEqualTo(1);
    assertThat(wuchang.reopened()).isEqualTo(1);
    assertThat(wuchang.closed()).isEqualTo(1);
  }

  @Test
  void districtsRankByTheirWeightedScoreAndThoseWithNothingToScoreComeLast() {
    DashboardQueries.Ranking ranking = feed(new Scenario("WH20261102").events())
        .ranking(both(null, null), DashboardQueries.RankBy.DISTRICT);
    assertThat(ranking.items()).hasSize(16);
    assertThat(ranking.items().subList(0, 3)).extracting(DashboardQueries.RankedItem::code)
        .containsExactly("HONGSHAN", "JIANGAN", "WUCHANG");
    assertThat(ranking.items().get(0).score()).as("every rate it has is 100 %").isCloseTo(100.0, within(1e-9));
    // 江岸: claim 1/2, resolution 2/2, on time 1/2, satisfied 1/1, closed 2/3
    assertThat(ranking.items().get(1).score())
        .isCloseTo(100 * (0.15 * 0.5 + 0.15 + 0.30 * 0.5 + 0.30 + 0.10 * 2 / 3), within(1e-9));
    // 武昌: resolution 0/1, closure 1/2; nothing else to score
    assertThat(ranking.items().get(2).score()).isCloseTo(100 * (0.10 * 0.5) / (0.15 + 0.10), within(1e-9));
    assertThat(ranking.items().get(3).score()).isNull();
    assertThat(ranking.items()).extracting(DashboardQueries.RankedItem::rank).startsWith(1, 2, 3, 4);
  }

  /**
   * 三率 by unit, from what each unit was sent and did: 江岸区城管局 claimed T1 on time of its two (T2 went on), T1
   * rated satisfied and solved; the other two had one case each, under the minimum volume of two: shown, not ranked.
   */
  @Test
  void unitsScoreTheirThreeRatesAndThoseUnderTheMinimumVolumeAreShownUnranked() {
    ThreeRates.Ranking ranking = feed(new Scenario("WH20261102").events())
        .threeRates(both(null, null), DashboardQueries.RankBy.UNIT);
    assertThat(ranking.items()).extracting(ThreeRates.Item::code)
        .containsExactly("JIANGAN_CGJ", "HONGSHAN_CGJ", "WUCHANG_CGJ");
    ThreeRates.Item jiangan = ranking.items().get(0);
    assertThat(jiangan.rank()).isEqualTo(1);
    assertThat(jiangan.name()).isEqualTo("JIANGAN_CGJ名");
    assertThat(jiangan.responseRate()).isEqualTo(new Summary.Rate(1, 2, 0.5));
    assertThat(jiangan.solvedRate()).isEqualTo(new Summary.Rate(1, 1, 1.0));
    assertThat(jiangan.score()).isCloseTo(100 * (0.1 * 0.5 + 0.45 + 0.45), within(1e-9));
    assertThat(ranking.items().subList(1, 3)).allSatisfy(item -> {
      assertThat(item.ranked()).isFalse();
      assertThat(item.rank()).isNull();
      assertThat(item.dispatched()).isEqualTo(1);
    });
    assertThat(ranking.red()).containsExactly(jiangan);
    assertThat(ranking.black()).as("no unit on both lists").isEmpty();
  }

  @Test
  void categoriesBreakTheFiguresDownMostReceivedFirst() {
    List<DashboardQueries.CategoryItem> items = feed(new Scenario("WH20261102").events())
        .categories(both(null, null)).items();
    assertThat(items).extracting(DashboardQueries.CategoryItem::code)
        .containsExactly("SANITATION", "GREENERY", "OTHER", "STREET_LIGHTING");
    assertThat(items.get(0).received()).isEqualTo(3);
    assertThat(items.get(0).closureRate()).isEqualTo(new Summary.Rate(2, 3, 2 / 3.0));
  }

  /**
   * 知识库解答率: of three consultations, the one closed citing an article counts as answered from the knowledge
   * base, the one closed with a plain answer and the one sent to a unit only as consultations; each once, however
   * often and in whatever order the events come.
   */
  @Test
  void consultationsAnsweredFromTheKnowledgeBaseCountOnceWhateverTheDelivery() {
    Instant morning = Scenario.DAY_1.atTime(9, 0).atZone(Scenario.ZONE).toInstant();
    CaseFacts wuchang = new CaseFacts("WUCHANG", "OTHER", "NORMAL", null);
    List<EventEnvelope<?>> events = List.of(
        consultation("WH20261102000101", wuchang, morning, true, "KB000101"),
        consultation("WH20261102000102", wuchang, morning.plusSeconds(60), true, null),
        consultation("WH20261102000103", wuchang, morning.plusSeconds(120), false, null),
        EventEnvelope.of(EventType.CASE_DISPATCHED, "WH20261102000103", "dispatch-service", morning.plusSeconds(121),
            new CaseDispatched(new CaseFacts("WUCHANG", "OTHER", "NORMAL", "WUCHANG_CGJ"), "武昌区城管局", "rule",
                morning.plusSeconds(7321), morning.plusSeconds(432121), "system", CaseDispatched.ROUTED)));
    List<EventEnvelope<?>> redelivered = new ArrayList<>();
    for (int i = 0; i < 3; i++) {
      redelivered.addAll(events);
    }
    Collections.shuffle(redelivered, new Random(24));

    for (List<EventEnvelope<?>> delivery : List.of(events, redelivered)) {
      StatsStore store = counted(delivery);
      StatsCube cube = new StatsCube(store);
      cube.refresh();
      Summary s = queries(cube).summary(both(null, null));
      assertThat(s.received()).isEqualTo(3);
      assertThat(s.consultations()).isEqualTo(3);
      assertThat(s.closedDirectly()).isEqualTo(2);
      assertThat(s.answeredFromKnowledge()).isEqualTo(1);
      assertThat(s.knowledgeAnswerRate()).isEqualTo(new Summary.Rate(1, 3, 1 / 3.0));
      assertThat(queries(cube).summary(both(null, "WUCHANG_CGJ")).knowledgeAnswerRate())
          .as("a unit answers no calls on the phone").isEqualTo(new Summary.Rate(0, 0, null));
      Map<String, CaseList.Row> rows = new LinkedHashMap<>();
      new CaseList(store).forEach(both(null, null), row -> rows.put(row.ticketId(), row));
      assertThat(rows.values()).extracting(CaseList.Row::consultation).containsExactly(true, true, true);
      assertThat(rows.values()).extracting(CaseList.Row::knowledgeArticleId).containsExactly("KB000101", null, null);
    }
  }

  /**
   * 问题是否解决 is optional: of three satisfied ratings (solved, not solved, not answered) 解决率 is one of the two who
   * answered, and the case list leaves the unanswered one blank.
   */
  @Test
  void aRatingWithoutAnAnswerToWhetherItWasSolvedIsLeftOutOfTheSolvedRate() {
    Instant morning = Scenario.DAY_1.atTime(9, 0).atZone(Scenario.ZONE).toInstant();
    Boolean[] answers = {true, false, null};
    List<EventEnvelope<?>> events = new ArrayList<>();
    for (int i = 0; i < answers.length; i++) {
      String ticket = "WH2026110200020" + (i + 1);
      Instant at = morning.plusSeconds(60L * i);
      events.add(EventEnvelope.of(EventType.COMPLAINT_REGISTERED, ticket, "intake-service", at,
          new ComplaintRegistered(new CaseFacts("JIANGAN", "SANITATION", "NORMAL", null), "市民", "13800000000", false,
              "PHONE", "COMPLAINT", "地址", "垃圾未清运", "operator", false, null, null, null, null, null, null)));
      events.add(EventEnvelope.of(EventType.CASE_CLOSED, ticket, "feedback-service", at.plusSeconds(3600),
          new CaseClosed(new CaseFacts("JIANGAN", "SANITATION", "NORMAL", "JIANGAN_CGJ"), "SATISFIED", "operator", null,
              answers[i])));
    }
    StatsStore store = counted(events);
    StatsCube cube = new StatsCube(store);
    cube.refresh();
    Summary s = queries(cube).summary(both(null, null));
    assertThat(s.rated()).isEqualTo(3);
    assertThat(s.solvedRate()).isEqualTo(new Summary.Rate(1, 2, 0.5));
    List<CaseList.Row> rows = new ArrayList<>();
    new CaseList(store).forEach(both(null, null), rows::add);
    assertThat(rows).extracting(CaseList.Row::solved).containsExactly(true, false, null);
  }

  private static EventEnvelope<?> consultation(String ticket, CaseFacts facts, Instant at, boolean closedDirectly,
      String article) {
    return EventEnvelope.of(EventType.COMPLAINT_REGISTERED, ticket, "intake-service", at,
        new ComplaintRegistered(facts, "市民", "13800000000", false, "PHONE", "CONSULTATION", "地址", "燃气开户怎么办理",
            "operator", closedDirectly, closedDirectly ? "已答复" : null, null, null, null, null, article));
  }

  static Stream<Long> seeds() {
    return Stream.of(1L, 2L, 3L, 4L, 5L);
  }

  /** Redelivered, published twice, in any order across and within topics: the same figures. */
  @ParameterizedTest(name = "shuffle seed {0}")
  @MethodSource("seeds")
  void shuffledAndRepeatedDeliveryGivesTheSameFigures(long seed) {
    List<EventEnvelope<?>> events = new Scenario("WH20261102").events();
    DashboardQueries inOrder = feed(events);
    Random random = new Random(seed);
    List<EventEnvelope<?>> shuffled = new ArrayList<>(events);
    for (int i = 0; i < events.size() / 2; i++) {
      shuffled.add(events.get(random.nextInt(events.size())));
    }
    shuffled.addAll(events); // the whole log once more, as after a consumer restarts from zero
    Collections.shuffle(shuffled, random);
    DashboardQueries replayed = feed(shuffled);

    for (String unit : new String[] {null, "JIANGAN_CGJ", "WUCHANG_CGJ", "HONGSHAN_CGJ"}) {
      assertThat(replayed.summary(both(null, unit))).isEqualTo(inOrder.summary(both(null, unit)));
    }
    for (var day : List.of(Scenario.DAY_1, Scenario.DAY_2)) {
      DashboardFilter oneDay = new DashboardFilter(day, day, null, null, null);
      assertThat(replayed.summary(oneDay)).isEqualTo(inOrder.summary(oneDay));
    }
    assertThat(replayed.ranking(both(null, null), DashboardQueries.RankBy.UNIT))
        .isEqualTo(inOrder.ranking(both(null, null), DashboardQueries.RankBy.UNIT));
  }
}
