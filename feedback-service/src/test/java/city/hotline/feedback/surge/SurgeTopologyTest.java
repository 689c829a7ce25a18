package city.hotline.feedback.surge;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.kafka.EventCodec;
import city.hotline.testsupport.MovableClock;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.streams.StreamsConfig;
import org.apache.kafka.streams.TestInputTopic;
import org.apache.kafka.streams.TestOutputTopic;
import org.apache.kafka.streams.TopologyTestDriver;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** The real topology, fed registrations in event time, with the wall clock and the service's clock moved by hand. */
class SurgeTopologyTest {
  static final SurgeSettings SETTINGS = settings(500);
  /** A Monday, 10:00 in Wuhan. */
  static final Instant MONDAY = Instant.parse("2026-12-07T02:00:00Z");
  static final Double[] CELL_POINT = {114.3051, 30.5812};   // cell E114.30N30.58
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final EventCodec codec = new EventCodec(JSON);
  private final MovableClock clock = new MovableClock(MONDAY);
  /** The service clock the topology reads: the movable one, failing once when told to. */
  private final FailingClock serviceClock = new FailingClock();
  private final SimpleMeterRegistry meters = new SimpleMeterRegistry();
  private TopologyTestDriver driver;
  private TestInputTopic<String, String> intake;
  private TestOutputTopic<String, String> surges;
  private int sequence;

  @BeforeEach
  void start() {
    Properties config = new Properties();
    config.put(StreamsConfig.APPLICATION_ID_CONFIG, SETTINGS.applicationId());
    config.put(StreamsConfig.BOOTSTRAP_SERVERS_CONFIG, "unused:9092");
    driver = new TopologyTestDriver(
        SurgeTopology.build(SETTINGS, "intake", "surges", codec, JSON, serviceClock, "feedback-service",
            meters.counter("hotline.surge.failures")), config, MONDAY);
    intake = driver.createInputTopic("intake", new StringSerializer(), new StringSerializer());
    surges = driver.createOutputTopic("surges", new StringDeserializer(), new StringDeserializer());
  }

  /** The settings of these tests: a one-hour window, end-ratio 0.5, the cool-down one window. */
  static SurgeSettings settings(int maxCalls) {
    return new SurgeSettings(true, "surge-test", "", "at_least_once", Duration.ofHours(1), 4, 0.01,
        Duration.ofSeconds(10), maxCalls, new SurgeRule(10, 3), Map.of("GAS_SAFETY", new SurgeRule(5, 2)), 0.5, null,
        Duration.ofMinutes(1), Duration.ofSeconds(10), 3, Duration.ofMinutes(10), Duration.ofHours(1), 0.1);
  }

  private final class FailingClock extends Clock {
    private boolean failNext;

    @Override
    public Instant instant() {
      if (failNext) {
        failNext = false;
        throw new IllegalStateException("the clock failed");
      }
      return clock.instant();
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }

  @AfterEach
  void close() {
    driver.close();
  }

  /** A call registered at {@code at}, with the service's clock there too. */
  private String call(String category, String district, Instant at) {
    clock.at(at);
    return register(category, district, at, "COMPLAINT", null);
  }

  private String register(String category, String district, Instant at, String type, Double[] point) {
    String ticketId = String.format("WH20261207%06d", ++sequence);
    ComplaintRegistered registered = new ComplaintRegistered(new CaseFacts(district, category, "URGENT", null), "张三",
        "13800001111", false, "PHONE", type, "汉南大道1号", "闻到燃气味", "operator", false, null, null,
        point == null ? null : point[0], point == null ? null : point[1], null);
    intake.pipeInput(ticketId,
        codec.encode(EventEnvelope.of(EventType.COMPLAINT_REGISTERED, ticketId, "intake-service", at, registered)), at);
    return ticketId;
  }

  /** {@code count} calls in the hour after {@code from}, the clock left where it is (as when a topic is replayed). */
  private void replayHour(String category, String district, Instant from, int count) {
    for (int i = 0; i < count; i++) {
      register(category, district, from.plus(Duration.ofMinutes(5L * i)), "COMPLAINT", null);
    }
  }

  private List<JsonNode> published() {
    return surges.readValuesToList().stream().map(JSON::readTree).toList();
  }

  private static List<String> types(List<JsonNode> events) {
    return events.stream().map(e -> e.path("eventType").asString()).toList();
  }

  private static List<String> strings(JsonNode array) {
    return array.valueStream().map(JsonNode::asString).toList();
  }

  @Test
  void twentyGasCallsInTenMinutesInOneQuietDistrictAreOneSurgeThatGrowsAndEndsAfterAnHourOfQuiet() {
    List<String> tickets = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      tickets.add(call("GAS_SAFETY", "HANNAN", MONDAY.plusSeconds(30L * i)));
    }

    List<JsonNode> events = published();
    assertThat(types(events)).first().isEqualTo("SurgeDetected");
    assertThat(types(events)).filteredOn("SurgeDetected"::equals).hasSize(1);
    assertThat(types(events).subList(1, events.size())).hasSize(15).containsOnly("SurgeGrew");
    JsonNode detected = events.get(0).path("payload");
    String surgeId = detected.path("surgeId").asString();
    assertThat(surgeId).matches("SRG-GAS_SAFETY-HANNAN-20261207T0202-[0-9a-f]{8}");
    assertThat(events).allSatisfy(e -> assertThat(e.path("ticketId").asString()).isEqualTo(surgeId));
    assertThat(detected.path("kind").asString()).isEqualTo("DISTRICT");
    assertThat(detected.path("category").asString()).isEqualTo("GAS_SAFETY");
    assertThat(detected.path("district").asString()).isEqualTo("HANNAN");
    assertThat(detected.path("cell").isNull()).isTrue();
    assertThat(detected.path("count").asLong()).isEqualTo(5);
    assertThat(detected.path("threshold").asDouble()).isEqualTo(5.0);
    assertThat(detected.path("baseline").asDouble()).isZero();
    assertThat(strings(detected.path("tickets"))).isEqualTo(tickets.subList(0, 5));
    JsonNode lastGrew = events.get(events.size() - 1).path("payload");
    assertThat(lastGrew.path("count").asLong()).isEqualTo(20);
    assertThat(strings(lastGrew.path("tickets"))).isEqualTo(tickets);

    clock.advance(Duration.ofMinutes(30));
    driver.advanceWallClockTime(SETTINGS.checkInterval());
    assertThat(published()).as("half an hour later the window still holds the burst").isEmpty();

    clock.advance(Duration.ofMinutes(40));
    driver.advanceWallClockTime(SETTINGS.checkInterval());
    List<JsonNode> ended = published();
    assertThat(types(ended)).containsExactly("SurgeEnded");
    assertThat(ended.get(0).path("payload").path("surgeId").asString()).isEqualTo(surgeId);
    assertThat(ended.get(0).path("payload").path("peakCount").asLong()).isEqualTo(20);
    assertThat(strings(ended.get(0).path("payload").path("tickets"))).isEqualTo(tickets);
  }

  @Test
  void theSameTwentyCallsSpreadOverAWeekAreNoSurge() {
    for (int day = 0; day < 5; day++) {
      for (int i = 0; i < 4; i++) { // one below the minimum of five, within minutes
        call("GAS_SAFETY", "HANNAN", MONDAY.plus(Duration.ofDays(day)).plus(Duration.ofMinutes(i)));
        driver.advanceWallClockTime(SETTINGS.checkInterval());
      }
    }

    assertThat(published()).isEmpty();
  }

  /** Wall-clock checks up to {@code at}, one check interval before each call. */
  private void checkAt(Instant at) {
    clock.at(at);
    driver.advanceWallClockTime(SETTINGS.checkInterval());
  }

  @Test
  void callsKeepingASurgeGoingAreOneSurgeEndingOnlyWhenTheWindowHoldsFewerThanHalfItsLine() {
    Instant start = MONDAY.plus(SETTINGS.window()); // the task has read its backlog
    for (int i = 0; i <= 10; i++) { // about five an hour: 4 or 5 in any hour, never below half of 5
      Instant at = start.plus(Duration.ofMinutes(13L * i));
      checkAt(at.minus(Duration.ofMinutes(1)));
      call("GAS_SAFETY", "HANNAN", at);
    }
    assertThat(types(published())).containsOnly("SurgeDetected", "SurgeGrew").containsOnlyOnce("SurgeDetected");

    checkAt(start.plus(Duration.ofMinutes(130 + 40))); // 2 calls left in the window: fewer than 0.5 × 5
    assertThat(types(published())).containsExactly("SurgeEnded");
  }

  @Test
  void aPlaceWhoseSurgeEndedOpensNoNewOneWithinTheCooldown() {
    Instant start = MONDAY.plus(SETTINGS.window());
    for (int i = 0; i < 6; i++) {
      call("GAS_SAFETY", "HANNAN", start.plus(Duration.ofMinutes(i)));
    }
    checkAt(start.plus(Duration.ofMinutes(65)));
    assertThat(types(published())).endsWith("SurgeEnded").containsOnlyOnce("SurgeDetected");

    for (int i = 0; i < 5; i++) {
      call("GAS_SAFETY", "HANNAN", start.plus(Duration.ofMinutes(70 + i)));
    }
    assertThat(published()).as("five calls, but within an hour of the end").isEmpty();

    call("GAS_SAFETY", "HANNAN", start.plus(Duration.ofMinutes(130)));
    assertThat(types(published())).as("after the cool-down: six in the hour").containsExactly("SurgeDetected");
  }

  @Test
  void theCellsOfADistrictSurgeThatEndedStayCoveredThroughItsCooldown() {
    Instant start = MONDAY.plus(SETTINGS.window());
    for (int i = 0; i < 6; i++) {
      clock.at(start.plus(Duration.ofMinutes(i)));
      register("GAS_SAFETY", "HANNAN", clock.instant(), "COMPLAINT", CELL_POINT);
    }
    checkAt(start.plus(Duration.ofMinutes(65)));
    assertThat(types(published())).containsExactly("SurgeDetected", "SurgeGrew", "SurgeEnded");

    for (int i = 0; i < 5; i++) {
      clock.at(start.plus(Duration.ofMinutes(70 + i)));
      register("GAS_SAFETY", "HANNAN", clock.instant(), "COMPLAINT", CELL_POINT);
    }
    assertThat(published()).as("neither the district nor its cell alerts again in the cool-down").isEmpty();
  }

  @Test
  void aTaskThatStartedLessThanAWindowAgoEndsNoSurgeItMayStillBeReadingTheCallsOf() {
    for (int i = 0; i < 5; i++) { // a backlog: read at start, dated just under an hour before
      register("GAS_SAFETY", "HANNAN", MONDAY.minus(Duration.ofMinutes(55 - i)), "COMPLAINT", null);
    }
    assertThat(types(published())).containsExactly("SurgeDetected");

    checkAt(MONDAY.plus(Duration.ofMinutes(10)));
    assertThat(published()).as("the window looks empty, but the rest of the backlog may be on its way").isEmpty();

    checkAt(MONDAY.plus(Duration.ofMinutes(61)));
    assertThat(types(published())).containsExactly("SurgeEnded");
  }

  @Test
  void theBaselineIsTheSameSlidingWindowInEarlierWeeksNotTheClockHour() {
    for (int week = 1; week <= 4; week++) { // six calls a week at 09:05–09:55 Wuhan time
      for (int i = 0; i < 6; i++) {
        register("GAS_SAFETY", "QIAOKOU", MONDAY.minus(Tally.WEEK.multipliedBy(week))
            .minus(Duration.ofMinutes(55 - 10L * i)), "COMPLAINT", null);
      }
    }
    for (int i = 0; i < 5; i++) { // five at 10:02: the hour 09:02–10:02 usually holds six
      call("GAS_SAFETY", "QIAOKOU", MONDAY.plus(Duration.ofMinutes(2)).plusSeconds(i));
    }

    assertThat(published()).isEmpty();
  }

  @Test
  void aFreshDetectorAveragesOnlyOverTheWeeksItHasSeen() {
    register("GAS_SAFETY", "JIANGAN", MONDAY.minus(Tally.WEEK).minus(Duration.ofHours(2)), "COMPLAINT", null);
    for (int i = 1; i <= 3; i++) { // one week seen: three calls in this hour
      register("GAS_SAFETY", "JIANGAN", MONDAY.minus(Tally.WEEK).plus(Duration.ofMinutes(i)), "COMPLAINT", null);
    }
    for (int i = 5; i < 10; i++) {
      call("GAS_SAFETY", "JIANGAN", MONDAY.plus(Duration.ofMinutes(i)));
    }
    assertThat(published()).as("five, where three are usual: below 2 × 3").isEmpty();

    call("GAS_SAFETY", "JIANGAN", MONDAY.plus(Duration.ofMinutes(10)));
    JsonNode detected = published().get(0).path("payload");
    assertThat(detected.path("baseline").asDouble()).as("three weeks never seen are not quiet weeks").isEqualTo(3.0);
    assertThat(detected.path("threshold").asDouble()).isEqualTo(6.0);
  }

  @Test
  void aCallThatCannotBeCountedIsSkippedAndCountedAsAFailureAndDetectionGoesOn() {
    for (int i = 0; i < 4; i++) {
      call("GAS_SAFETY", "HANNAN", MONDAY.plus(Duration.ofMinutes(i)));
    }
    serviceClock.failNext = true;
    call("GAS_SAFETY", "HANNAN", MONDAY.plus(Duration.ofMinutes(4)));
    assertThat(meters.counter("hotline.surge.failures").count()).isEqualTo(1);

    call("GAS_SAFETY", "HANNAN", MONDAY.plus(Duration.ofMinutes(5)));
    assertThat(types(published())).containsExactly("SurgeDetected");
  }

  @Test
  void aCallDatedInTheFutureCountsAsNowPlusTheSkew() {
    call("GAS_SAFETY", "HANNAN", MONDAY);
    register("GAS_SAFETY", "HANNAN", MONDAY.plus(Duration.ofDays(1)), "COMPLAINT", null);
    for (int i = 1; i <= 3; i++) {
      call("GAS_SAFETY", "HANNAN", MONDAY.plusSeconds(i));
    }

    assertThat(types(published())).as("the wrongly dated call did not move the window a day ahead")
        .containsExactly("SurgeDetected");
  }

  @Test
  void aVolumeUsualForTheHourOfTheWeekIsNoSurgeOnlyAMultipleOfItIs() {
    for (int week = 1; week <= 4; week++) {
      replayHour("GAS_SAFETY", "QINGSHAN", MONDAY.minus(Tally.WEEK.multipliedBy(week)), 6);
    }
    assertThat(published()).as("last month's calls replayed only make the baseline").isEmpty();

    for (int i = 0; i < 11; i++) {
      call("GAS_SAFETY", "QINGSHAN", MONDAY.plus(Duration.ofMinutes(4L * i)));
    }
    assertThat(published()).as("11 calls where 6 are usual: below 2 × 6").isEmpty();

    call("GAS_SAFETY", "QINGSHAN", MONDAY.plus(Duration.ofMinutes(45)));
    JsonNode detected = published().get(0).path("payload");
    assertThat(detected.path("count").asLong()).isEqualTo(12);
    assertThat(detected.path("baseline").asDouble()).isEqualTo(6.0);
    assertThat(detected.path("threshold").asDouble()).isEqualTo(12.0);
  }

  @Test
  void aCategoryWithoutARuleOfItsOwnNeedsTheDefaultMinimumOfTen() {
    for (int i = 0; i < 9; i++) {
      call("SANITATION", "HANNAN", MONDAY.plus(Duration.ofMinutes(i)));
    }
    assertThat(published()).isEmpty();

    call("SANITATION", "HANNAN", MONDAY.plus(Duration.ofMinutes(9)));
    List<JsonNode> events = published();
    assertThat(types(events)).containsExactly("SurgeDetected");
    assertThat(events.get(0).path("payload").path("threshold").asDouble()).isEqualTo(10.0);
  }

  @Test
  void callsFromOneGridCellOfAQuietDistrictAreOneDistrictSurgeNotTwo() {
    for (int i = 0; i < 6; i++) {
      clock.at(MONDAY.plus(Duration.ofMinutes(i)));
      register("GAS_SAFETY", "HANNAN", clock.instant(), "COMPLAINT", CELL_POINT);
    }

    List<JsonNode> events = published();
    assertThat(types(events)).containsExactly("SurgeDetected", "SurgeGrew");
    assertThat(events.get(0).path("payload").path("kind").asString()).isEqualTo("DISTRICT");
  }

  @Test
  void callsCrowdingIntoOneCellOfABusyDistrictAreACellSurge() {
    for (int week = 1; week <= 4; week++) {
      replayHour("GAS_SAFETY", "HONGSHAN", MONDAY.minus(Tally.WEEK.multipliedBy(week)).minus(Duration.ofHours(1)), 10);
    }
    for (int i = 0; i < 5; i++) {
      clock.at(MONDAY.plus(Duration.ofMinutes(i)));
      register("GAS_SAFETY", "HONGSHAN", clock.instant(), "COMPLAINT", CELL_POINT);
    }

    List<JsonNode> events = published();
    assertThat(types(events)).containsExactly("SurgeDetected");
    JsonNode detected = events.get(0).path("payload");
    assertThat(detected.path("kind").asString()).isEqualTo("CELL");
    assertThat(detected.path("district").asString()).isEqualTo("HONGSHAN");
    assertThat(detected.path("cell").asString()).isEqualTo("E114.30N30.58");
    assertThat(detected.path("surgeId").asString()).startsWith("SRG-GAS_SAFETY-HONGSHAN-E114.30N30.58-");
    assertThat(detected.path("threshold").asDouble()).isEqualTo(5.0);
  }

  @Test
  void consultationsDoNotCount() {
    for (int i = 0; i < 10; i++) {
      clock.at(MONDAY.plus(Duration.ofMinutes(i)));
      register("GAS_SAFETY", "HANNAN", clock.instant(), Call.CONSULTATION, null);
    }
    for (int i = 0; i < 4; i++) {
      call("GAS_SAFETY", "HANNAN", MONDAY.plus(Duration.ofMinutes(10 + i)));
    }
    assertThat(published()).isEmpty();

    call("GAS_SAFETY", "HANNAN", MONDAY.plus(Duration.ofMinutes(20)));
    List<JsonNode> events = published();
    assertThat(types(events)).containsExactly("SurgeDetected");
    assertThat(events.get(0).path("payload").path("count").asLong()).isEqualTo(5);
  }
}
