package city.hotline.feedback.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.feedback.governance.TopicWeeks.Phase;
import city.hotline.feedback.governance.TopicWeeks.Week;
import city.hotline.feedback.stats.CoveredFigures.Figures;
import city.hotline.feedback.stats.Summary;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A topic's weeks: ISO weeks from before its period to after it, each in its phase, never past today. */
class TopicWeeksTest {
  private static final TopicSettings TWO_WEEKS = new TopicSettings(2, 2, 366, 200);
  /** Wednesday 2026-11-04 to Tuesday 2026-11-17: three weeks touched. */
  private static final Topic TOPIC = new Topic("GT000001", "燃气", "HANNAN_GAS", List.of("GAS_SAFETY"), List.of(),
      "下降", LocalDate.of(2026, 11, 4), LocalDate.of(2026, 11, 17), "领导", Instant.EPOCH);

  private final List<LocalDate[]> asked = new ArrayList<>();

  private List<Week> weeks(LocalDate today) {
    return TopicWeeks.of(TOPIC, today, TWO_WEEKS, (from, to) -> {
      asked.add(new LocalDate[] {from, to});
      long received = from.getDayOfMonth();
      return new Figures(received, 1, new Summary.Rate(1, received, 1.0 / received), new Summary.Rate(0, 0, null));
    });
  }

  @Test
  void weeksRunFromMondayToSundayBeforeDuringAndAfterThePeriod() {
    List<Week> weeks = weeks(LocalDate.of(2027, 1, 1));
    assertThat(weeks).extracting(Week::week).containsExactly(LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 26),
        LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 16), LocalDate.of(2026, 11, 23),
        LocalDate.of(2026, 11, 30));
    assertThat(weeks).extracting(Week::phase).containsExactly(Phase.BEFORE, Phase.BEFORE, Phase.DURING, Phase.DURING,
        Phase.DURING, Phase.AFTER, Phase.AFTER);
    assertThat(weeks.get(2).from()).isEqualTo(LocalDate.of(2026, 11, 2));
    assertThat(weeks.get(2).to()).isEqualTo(LocalDate.of(2026, 11, 8));
    assertThat(weeks.get(2).received()).as("each week's own figures").isEqualTo(2);
    assertThat(weeks.get(2).closureRate()).isEqualTo(new Summary.Rate(1, 2, 0.5));
  }

  @Test
  void theWeekUnderWayEndsTodayAndNoWeekLiesAhead() {
    List<Week> weeks = weeks(LocalDate.of(2026, 11, 11));
    assertThat(weeks).extracting(Week::week).containsExactly(LocalDate.of(2026, 10, 19), LocalDate.of(2026, 10, 26),
        LocalDate.of(2026, 11, 2), LocalDate.of(2026, 11, 9));
    assertThat(weeks.get(3).to()).isEqualTo(LocalDate.of(2026, 11, 11));
    assertThat(asked.get(3)).containsExactly(LocalDate.of(2026, 11, 9), LocalDate.of(2026, 11, 11));
    assertThat(weeks(LocalDate.of(2026, 10, 1))).as("a topic planned ahead has no weeks yet").isEmpty();
  }

  @Test
  void settingsAreCheckedAtStart() {
    assertThatThrownBy(() -> new TopicSettings(-1, 2, 366, 200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TopicSettings(2, -1, 366, 200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TopicSettings(2, 2, 0, 200)).isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new TopicSettings(2, 2, 366, 0)).isInstanceOf(IllegalArgumentException.class);
  }
}
