package city.hotline.feedback.surge;

import static city.hotline.feedback.surge.SurgeTopologyTest.MONDAY;
import static city.hotline.feedback.surge.SurgeTopologyTest.SETTINGS;
import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.contracts.SurgeDetected;
import city.hotline.contracts.SurgeEnded;
import city.hotline.contracts.SurgeGrew;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.common.serialization.Serde;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.json.JsonMapper;

class SurgeWatchTest {
  /** Watched for long: every week the baseline reaches back to counts, a quiet one as zero. */
  private static final Instant LONG_AGO = MONDAY.minus(Duration.ofDays(365));
  private SurgeWatch watch = new SurgeWatch();
  private int sequence;

  private List<Object> gasCall(Instant at, String cell) {
    return gasCall(at, cell, at);
  }

  private List<Object> gasCall(Instant at, String cell, Instant now) {
    return watch.onCall(new Call("T" + ++sequence, at, "GAS_SAFETY", "HANNAN", cell), seen(now), SETTINGS);
  }

  private static Observation seen(Instant now) {
    return new Observation(now, LONG_AGO, true);
  }

  @Test
  void aRedeliveredRegistrationCountsOnce() {
    Call call = new Call("T1", MONDAY, "GAS_SAFETY", "HANNAN", null);
    for (int i = 0; i < 4; i++) {
      assertThat(watch.onCall(call, seen(MONDAY), SETTINGS)).isEmpty();
    }
    sequence = 1;
    for (int i = 1; i < 4; i++) {
      assertThat(gasCall(MONDAY.plusSeconds(i), null)).isEmpty();
    }

    assertThat(gasCall(MONDAY.plusSeconds(4), null)).singleElement().isInstanceOf(SurgeDetected.class);
  }

  @Test
  void whenTheDistrictSurgesItTakesOverTheSurgeOfItsCell() {
    for (int week = 1; week <= 4; week++) {
      for (int i = 0; i < 10; i++) {
        gasCall(MONDAY.minus(Tally.WEEK.multipliedBy(week)).plusSeconds(i), null, MONDAY);
      }
    }
    for (int i = 0; i < 4; i++) {
      assertThat(gasCall(MONDAY.plusSeconds(i), "E114.30N30.58")).isEmpty();
    }
    SurgeDetected cell = (SurgeDetected) gasCall(MONDAY.plusSeconds(4), "E114.30N30.58").get(0);
    assertThat(cell.kind()).isEqualTo(SurgeWatch.CELL);
    for (int i = 5; i < 19; i++) {
      assertThat(gasCall(MONDAY.plusSeconds(i), null)).as("district line 2 × 10").isEmpty();
    }

    List<Object> events = gasCall(MONDAY.plusSeconds(19), null);

    assertThat(events).hasSize(2);
    SurgeDetected district = (SurgeDetected) events.get(0);
    assertThat(district.kind()).isEqualTo(SurgeWatch.DISTRICT);
    assertThat(district.count()).isEqualTo(20);
    assertThat(district.tickets()).containsAll(cell.tickets());
    assertThat(((SurgeEnded) events.get(1)).surgeId()).isEqualTo(cell.surgeId());
  }

  @Test
  void aCallAfterTheWindowEmptiedEndsTheSurgeBeforeItIsJudgedAfresh() {
    for (int i = 0; i < 5; i++) {
      gasCall(MONDAY.plusSeconds(i), null);
    }
    Instant later = MONDAY.plus(Duration.ofHours(2));

    List<Object> events = gasCall(later, null);

    assertThat(events).singleElement().isInstanceOfSatisfying(SurgeEnded.class, ended -> {
      assertThat(ended.peakCount()).isEqualTo(5);
      assertThat(ended.endedAt()).isEqualTo(later);
    });
  }

  @Test
  void aWatchReadBackFromItsJsonGoesOnWhereItWas() {
    Serde<SurgeWatch> serde = SurgeTopology.serde(JsonMapper.builder().build(), SurgeWatch.class);
    for (int week = 1; week <= 3; week++) {
      for (int i = 0; i < 4; i++) {
        gasCall(MONDAY.minus(Tally.WEEK.multipliedBy(week)).plusSeconds(i), null, MONDAY);
      }
    }
    for (int i = 0; i < 4; i++) {
      gasCall(MONDAY.plusSeconds(i), null);
    }

    watch = serde.deserializer().deserialize("t", serde.serializer().serialize("t", watch));

    assertThat(gasCall(MONDAY.plusSeconds(4), null)).as("the line is still 2 × the baseline of 3").isEmpty();
    assertThat(gasCall(MONDAY.plusSeconds(5), null)).singleElement().isInstanceOfSatisfying(SurgeDetected.class, d -> {
      assertThat(d.baseline()).isEqualTo(3.0);
      assertThat(d.count()).isEqualTo(6);
      assertThat(d.tickets()).hasSize(6);
    });
  }

  @Test
  void aSurgeListsAtMostMaxCallsAndItsWindowKeepsNoMore() {
    SurgeSettings few = SurgeTopologyTest.settings(8);
    List<Object> events = new ArrayList<>();
    for (int i = 0; i < 20; i++) {
      Instant at = MONDAY.plusSeconds(i);
      events.addAll(watch.onCall(new Call("T" + i, at, "GAS_SAFETY", "HANNAN", null), seen(at), few));
    }

    SurgeGrew last = (SurgeGrew) events.get(events.size() - 1);
    assertThat(last.count()).as("a window busier than max-calls counts as max-calls").isEqualTo(8);
    assertThat(last.tickets()).containsExactly("T0", "T1", "T2", "T3", "T4", "T5", "T6", "T7");
    SurgeEnded ended = (SurgeEnded) watch.check(seen(MONDAY.plus(Duration.ofHours(2))), few).get(0);
    assertThat(ended.peakCount()).isEqualTo(8);
  }
}
