package city.hotline.feedback.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.contracts.SurgeDetected;
import city.hotline.contracts.SurgeEnded;
import city.hotline.contracts.SurgeGrew;
import city.hotline.support.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The alert's rules in plain Java: OPEN → ACKNOWLEDGED → ENDED or OPEN → ENDED, and what each event changes. */
class AlertTest {
  private static final Instant T0 = Instant.parse("2026-12-07T14:31:00Z");
  private static final String ID = "SRG-GAS_SAFETY-HANNAN-20261207T2231-0a1b2c3d";
  private static final int MAX_CALLS = 500;

  private static Alert detected() {
    return Alert.detected(new SurgeDetected(ID, "DISTRICT", "GAS_SAFETY", "HANNAN", null, T0.minus(Duration.ofHours(1)),
        T0, 5, 1.25, 5, T0.plusSeconds(2), List.of("T1", "T2", "T3", "T4", "T5")), MAX_CALLS);
  }

  private static SurgeGrew grew(int minutes, long count, String... tickets) {
    Instant end = T0.plus(Duration.ofMinutes(minutes));
    return new SurgeGrew(ID, end.minus(Duration.ofHours(1)), end, count, List.of(tickets));
  }

  @Test
  void aDetectedSurgeOpensAnAlertWithItsCalls() {
    Alert alert = detected();
    assertThat(alert.id()).isEqualTo(ID);
    assertThat(alert.state()).isEqualTo(AlertState.OPEN);
    assertThat(alert.count()).isEqualTo(5);
    assertThat(alert.tickets()).containsExactly("T1", "T2", "T3", "T4", "T5");
    assertThat(alert.rev()).isEqualTo(1);
    assertThat(alert.acknowledgedBy()).isNull();
  }

  @Test
  void aFurtherCallJoinsTheAlertAndTheLatestWindowCounts() {
    Alert grown = detected().grew(grew(3, 6, "T2", "T3", "T4", "T5", "T6"), MAX_CALLS).orElseThrow();
    assertThat(grown.count()).isEqualTo(6);
    assertThat(grown.windowEnd()).isEqualTo(T0.plus(Duration.ofMinutes(3)));
    assertThat(grown.tickets()).as("a call that left the window stays behind the alert")
        .containsExactly("T1", "T2", "T3", "T4", "T5", "T6");
    assertThat(grown.rev()).isEqualTo(2);

    Alert late = grown.grew(grew(1, 5, "T7"), MAX_CALLS).orElseThrow();
    assertThat(late.count()).as("an earlier window, reported late, does not set the count back").isEqualTo(6);
    assertThat(late.windowEnd()).isEqualTo(grown.windowEnd());
    assertThat(late.tickets()).endsWith("T6", "T7");
  }

  /** However long a surge lasts, its alert lists its first max-calls calls: it is sent whole at every change. */
  @Test
  void anAlertListsTheFirstMaxCallsOfItsCalls() {
    Alert detected = Alert.detected(new SurgeDetected(ID, "DISTRICT", "GAS_SAFETY", "HANNAN", null,
        T0.minus(Duration.ofHours(1)), T0, 5, 1.25, 5, T0, List.of("T1", "T2", "T3", "T4", "T5")), 4);
    assertThat(detected.tickets()).containsExactly("T1", "T2", "T3", "T4");

    Alert grown = detected.grew(grew(3, 6, "T5", "T6"), 4).orElseThrow();
    assertThat(grown.count()).as("the window still counts every call").isEqualTo(6);
    assertThat(grown.tickets()).containsExactly("T1", "T2", "T3", "T4");
    Alert ended = grown.ended(new SurgeEnded(ID, T0.plus(Duration.ofHours(2)), 6, List.of("T7")), 4).orElseThrow();
    assertThat(ended.tickets()).containsExactly("T1", "T2", "T3", "T4");

    Alert room = Alert.detected(new SurgeDetected(ID, "DISTRICT", "GAS_SAFETY", "HANNAN", null,
        T0.minus(Duration.ofHours(1)), T0, 2, 0.5, 2, T0, List.of("T1", "T2")), 4);
    assertThat(room.grew(grew(3, 5, "T2", "T3", "T4", "T5"), 4).orElseThrow().tickets())
        .as("filled up to the limit, in the order reported").containsExactly("T1", "T2", "T3", "T4");
  }

  @Test
  void aRedeliveredEventChangesNothing() {
    SurgeGrew event = grew(3, 6, "T6");
    Alert grown = detected().grew(event, MAX_CALLS).orElseThrow();
    assertThat(grown.grew(event, MAX_CALLS)).isEmpty();
    SurgeEnded end = new SurgeEnded(ID, T0.plus(Duration.ofHours(2)), 6, List.of("T1", "T6"));
    Alert ended = grown.ended(end, MAX_CALLS).orElseThrow();
    assertThat(ended.ended(end, MAX_CALLS)).isEmpty();
    assertThat(ended.grew(grew(4, 7, "T8"), MAX_CALLS)).as("the end reported every call").isEmpty();
  }

  @Test
  void anAcknowledgedAlertEndsKeepingWhoAcknowledgedIt() {
    Alert acknowledged = detected().acknowledge("派单员 李强", T0.plusSeconds(60)).orElseThrow();
    assertThat(acknowledged.state()).isEqualTo(AlertState.ACKNOWLEDGED);
    assertThat(acknowledged.acknowledgedBy()).isEqualTo("派单员 李强");
    assertThat(acknowledged.acknowledgedAt()).isEqualTo(T0.plusSeconds(60));
    assertThat(acknowledged.acknowledge("督办室 张主任", T0.plusSeconds(90))).as("again: no change, the first stays")
        .isEmpty();
    assertThat(acknowledged.grew(grew(3, 6, "T6"), MAX_CALLS).orElseThrow().state())
        .isEqualTo(AlertState.ACKNOWLEDGED);

    Alert ended = acknowledged.ended(new SurgeEnded(ID, T0.plus(Duration.ofHours(2)), 6, List.of("T6")), MAX_CALLS)
        .orElseThrow();
    assertThat(ended.state()).isEqualTo(AlertState.ENDED);
    assertThat(ended.endedAt()).isEqualTo(T0.plus(Duration.ofHours(2)));
    assertThat(ended.acknowledgedBy()).isEqualTo("派单员 李强");
    assertThat(ended.tickets()).endsWith("T5", "T6");
  }

  @Test
  void anOpenAlertMayEndUnacknowledgedAndThenCannotBeAcknowledged() {
    Alert ended = detected().ended(new SurgeEnded(ID, T0.plus(Duration.ofHours(1)), 5, List.of()), MAX_CALLS)
        .orElseThrow();
    assertThat(ended.state()).isEqualTo(AlertState.ENDED);
    assertThat(ended.acknowledgedBy()).isNull();
    assertThatThrownBy(() -> ended.acknowledge("派单员 李强", T0.plus(Duration.ofHours(2))))
        .isInstanceOf(ApiException.class).hasMessageContaining("has ended");
  }
}
