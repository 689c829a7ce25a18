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

  private final List<String> idsTaken = new ArrayList<>();

  private Topic open(Topic.Draft draft) {
    return draft.open(() -> {
      idsTaken.add("GT000001");
      return "GT000001";
    }, "领导", NOW, CATEGORIES, DISTRICTS);
  }

  @Test
  void aValidDraftOpensATopicWithItsCodesOnceEach() {
    Topic topic = open(new Topic.Draft(" 燃气安全专项治理 ", "HANNAN_GAS", List.of("GAS_SAFETY", "GAS_SAFETY"),
        List.of("HANNAN"), "来电量下降三成", DEC_1, DEC_1.plusDays(30)));
    assertThat(topic).isEqualTo(new Topic("GT000001", "燃气安全专项治理", "HANNAN_GAS", List.of("GAS_SAFETY"),
        List.of("HANNAN"), "来电量下降三成", DEC_1, DEC_1.plusDays(30), "领导", NOW));
    assertThat(open(new Topic.Draft("全市排水", "WATER_GROUP", List.of("DRAINAGE"), null, "汛前清淤", DEC_1, DEC_1))
        .districts()).as("no districts: the whole city").isEmpty();
  }

  @Test
  void everyBrokenFieldIsNamedInOne400AndNoIdIsTaken() {
    Topic.Draft bad = new Topic.Draft("", "hannan gas", List.of("GAS_SAFETY", "ATLANTIS_WATER"), List.of("GOTHAM"),
        "x".repeat(Topic.MAX_TARGET + 1), DEC_1, DEC_1.minusDays(1));
    assertThatThrownBy(() -> open(bad)).isInstanceOfSatisfying(ApiException.class, e -> {
      assertThat(e.status().value()).isEqualTo(400);
      assertThat(e.errors()).extracting(FieldProblem::field)
          .containsExactly("title", "leadUnitId", "categories", "districts", "target", "from");
      assertThat(e.errors().get(2).message()).contains("ATLANTIS_WATER").doesNotContain("GAS_SAFETY");
    });
    assertThat(idsTaken).isEmpty();
  }

  @Test
  void missingFieldsAreRequiredAndAPeriodIsAYearAtMost() {
    assertThatThrownBy(() -> open(new Topic.Draft(null, null, List.of(), null, " ", null, null)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.errors()).extracting(FieldProblem::field)
            .containsExactly("title", "leadUnitId", "categories", "target", "from", "to"));
    Topic.Draft longTitle = new Topic.Draft("题".repeat(Topic.MAX_TITLE + 1), "HANNAN_GAS", List.of("GAS_SAFETY"),
        List.of(), "目标", DEC_1, DEC_1.plusDays(Topic.MAX_PERIOD_DAYS));
    assertThatThrownBy(() -> open(longTitle)).isInstanceOfSatisfying(ApiException.class,
        e -> assertThat(e.errors()).extracting(FieldProblem::field).containsExactly("title", "to"));
    assertThat(open(new Topic.Draft("题".repeat(Topic.MAX_TITLE), "HANNAN_GAS", List.of("GAS_SAFETY"), List.of(), "目标",
        DEC_1, DEC_1.plusDays(Topic.MAX_PERIOD_DAYS - 1))).id()).as("366 days, both ends included").isEqualTo("GT000001");
  }
}
