package city.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class UnitEditsTest {
  private final UnitDetails bureau = new UnitDetails("JIANGAN_CGJ", "江岸区城管局", true, "seed", Instant.EPOCH);

  @Test
  void aUnitNeedsACodeLikeIdANameAndAnActiveFlag() {
    assertThat(UnitEdits.validate("JIANGAN_CGJ", "江岸区城管局", true)).isEmpty();
    assertThat(UnitEdits.validate("jiangan cgj", " ", null).stream().map(FieldProblem::field))
        .containsExactly("id", "name", "active");
    assertThat(UnitEdits.validate("X", "x".repeat(65), false).stream().map(FieldProblem::field))
        .containsExactly("id", "name");
  }

  @Test
  void aNewIdCreatesAChangedNameOrFlagChangesAndTheSameIsUnchanged() {
    assertThat(UnitEdits.outcome(Optional.empty(), "新单位", true)).isEqualTo(Outcome.CREATED);
    assertThat(UnitEdits.outcome(Optional.of(bureau), "江岸区城市管理执法局", true)).isEqualTo(Outcome.CHANGED);
    assertThat(UnitEdits.outcome(Optional.of(bureau), "江岸区城管局", false)).isEqualTo(Outcome.CHANGED);
    assertThat(UnitEdits.outcome(Optional.of(bureau), " 江岸区城管局 ", true)).isEqualTo(Outcome.UNCHANGED);
  }

  @Test
  void aUnitActiveRulesStillRouteToCannotBeRetiredAndTheRefusalNamesThem() {
    assertThat(UnitEdits.refusal("JIANGAN_CGJ", List.of())).isEmpty();
    assertThat(UnitEdits.refusal("JIANGAN_CGJ", List.of("JIANGAN|*", "JIANGAN|OTHER")))
        .hasValueSatisfying(why -> assertThat(why).contains("JIANGAN|*, JIANGAN|OTHER"));
  }
}
