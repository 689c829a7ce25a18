package city.hotline.feedback.governance;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import org.junit.jupiter.api.Test;

/** A governance topic's rules, in plain Java: every broken field named in one 400, and no id taken for a bad one. */
class TopicTest {
  private static final Predicate<String> CATEGORIES = Set.of("GAS_SAFETY", "DRAINAGE")::contains;
  private static final Predicate<String> DISTRICTS = Set.of("HANNAN", "WUCHANG")::contains;
  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  private static final LocalDate DEC_1 = LocalDate.of(2026, 12, 1);
  private static final int MAX_PERIOD_DAYS = 366;

  private final List<String> idsTaken = new ArrayList<>();

  private Topic open(Topic.Draft draft) {
    return draft.open(() -> {
      idsTaken.add("GT000001");
      return "GT000001";
    }, "领导", NOW, CATEGORIES, DISTRICTS, MAX_PERIOD_DAYS);
  }

  @Test
  void aValidDraftOpensATopicWithItsCodesOnceEach() {
    Topic topic = open(new Topic.Draft(" 燃气安全专项治理 ", "HANNAN_GAS", List.of("GAS_SAFETY", "GAS_SAFETY"),
        List.of("HANNAN"), "来电量下降三成", "2026-12-01", "2026-12-31"));
    assertThat(topic).isEqualTo(new Topic("GT000001", "燃气安全专项治理", "HANNAN_GAS", List.of("GAS_SAFETY"),
        List.of("HANNAN"), "来电量下降三成", DEC_1, DEC_1.plusDays(30), "领导", NOW));
    assertThat(open(new Topic.Draft("全市排水", "WATER_GROUP", List.of("DRAINAGE"), null, "汛前清淤", "2026-12-01",
        "2026-12-01"))
        .districts()).as("no districts: the whole city").isEmpty();
  }

  @Test
  void everyBrokenFieldIsNamedInOne400AndNoIdIsTaken() {
    Topic.Draft bad = new Topic.Draft("", "hannan gas", List.of("GAS_SAFETY", "ATLANTIS_WATER"), List.of("GOTHAM"),
        "x".repeat(Topic.MAX_TARGET + 1), "2026-12-01", "2026-11-30");
    assertThatThrownBy(() -> open(bad)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status().value()).isEqualTo(400);
      assertThat(e.errors()).extracting(FieldProblem::field)
          .containsExactly("title", "leadUnitId", "categories", "districts", "target", "from");
      assertThat(e.errors().get(2).message()).contains("ATLANTIS_WATER").doesNotContain("GAS_SAFETY");
    });
    assertThat(idsTaken).isEmpty();
  }

  @Test
  void missingFieldsAreRequiredAndAPeriodIsAtMostTheDaysAllowed() {
    assertThatThrownBy(() -> open(new Topic.Draft(null, null, List.of(), null, " ", null, " ")))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(FieldProblem::field)
            .containsExactly("title", "leadUnitId", "categories", "target", "from", "to"));
    Topic.Draft longTitle = draft("题".repeat(Topic.MAX_TITLE + 1), DEC_1.plusDays(MAX_PERIOD_DAYS).toString());
    assertThatThrownBy(() -> open(longTitle)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.errors()).extracting(FieldProblem::field).as("the dashboard's field for the dashboard's rule")
          .containsExactly("title", "from");
      assertThat(e.errors().get(1).message()).isEqualTo("the period may cover at most 366 days");
    });
    assertThat(open(draft("题".repeat(Topic.MAX_TITLE), DEC_1.plusDays(MAX_PERIOD_DAYS - 1).toString())).id())
        .as("366 days, both ends included").isEqualTo("GT000001");
  }

  /** A day that is not a date is named with the other problems, not refused on its own before them. */
  @Test
  void aMalformedDayIsNamedWithTheOtherProblems() {
    Topic.Draft bad = new Topic.Draft("", "HANNAN_GAS", List.of("GAS_SAFETY"), List.of(), "目标", "2026-12-01",
        "31/12/2026");
    assertThatThrownBy(() -> open(bad)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("title", "to");
      assertThat(e.errors().get(1).message()).isEqualTo("must be a date as YYYY-MM-DD");
    });
    assertThat(idsTaken).isEmpty();
  }

  private static Topic.Draft draft(String title, String to) {
    return new Topic.Draft(title, "HANNAN_GAS", List.of("GAS_SAFETY"), List.of(), "目标", DEC_1.toString(), to);
  }
}
