package city.hotline.feedback.surge;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.support.kafka.EventCodec;
import city.hotline.testsupport.MovableClock;
import java.time.Duration;
import java.time.Instant;
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
  static final SurgeSettings SETTINGS = new SurgeSettings(true, "surge-test", "", "at_least_once",
      Duration.ofHours(1), 4, 0.01, Duration.ofSeconds(10), 500, new SurgeRule(10, 3),
      Map.of("GAS_SAFETY", new SurgeRule(5, 2)));
  /** A Monday, 10:00 in Wuhan. */
  static final Instant MONDAY = Instant.parse("2026-12-07T02:00:00Z");
  static final Double[] CELL_POINT = {114.3051, 30.5812};   // cell E114.30N30.58
  private static final JsonMapper JSON = JsonMapper.builder().build();
  private final EventCodec codec = new EventCodec(JSON);
  private final MovableClock clock = new MovableClock(MONDAY);
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
        SurgeTopology.build(SETTINGS, "intake", "surges", codec, JSON, clock, "feedback-service"), config, MONDAY);
    intake = driver.createInputTopic("intake", new StringSerializer(), new StringSerializer());
    surges = driver.createOutputTopic("surges", new StringDeserializer(), new StringDeserializer());
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
    for (int i = 0; i < 20; i++) {
      call("GAS_SAFETY", "HANNAN", MONDAY.plus(Duration.ofMinutes(504L * i)));
      driver.advanceWallClockTime(SETTINGS.checkInterval());
    }

    assertThat(published()).isEmpty();
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
      replayHour("GAS_SAFETY", "HONGSHAN", MONDAY.minus(Tally.WEEK.multipliedBy(week)), 10);
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
