package city.hotline.dispatch.routing;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

class RuleEditsTest {
  private static final Instant T0 = Instant.parse("2026-11-23T02:00:00Z");
  private static final Instant T1 = Instant.parse("2026-11-24T02:00:00Z");
  private final RoutingCodes codes = new RoutingCodes(Set.of("JIANGAN", "WUCHANG"), Set.of("GAS_SAFETY", "OTHER"));
  private final Set<String> activeUnits = Set.of("JIANGAN_CGJ", "CITY_GAS_CENTRE");

  private List<FieldProblem> validate(String district, String category, String unitId) {
    return RuleEdits.validate(district, category, unitId, codes, activeUnits::contains);
  }

  private static List<String> fields(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::field).toList();
  }

  @Test
  void knownCodesOrAnyWithAnActiveUnitAreValid() {
    assertThat(validate("JIANGAN", "GAS_SAFETY", "CITY_GAS_CENTRE")).isEmpty();
    assertThat(validate("*", "GAS_SAFETY", "CITY_GAS_CENTRE")).isEmpty();
    assertThat(validate("WUCHANG", "*", "JIANGAN_CGJ")).isEmpty();
  }

  @Test
  void everyBrokenRuleIsNamedAtOnce() {
    assertThat(fields(validate("NOWHERE", "NOTHING", "RETIRED_UNIT"))).containsExactly("district", "category", "unitId");
    assertThat(fields(validate("JIANGAN", "OTHER", " "))).containsExactly("unitId");
    assertThat(fields(validate("JIANGAN", "OTHER", null))).containsExactly("unitId");
  }

  @Test
  void aRuleForEverythingIsRefusedOnBothFields() {
    List<FieldProblem> problems = validate("*", "*", "JIANGAN_CGJ");
    assertThat(fields(problems)).containsExactly("district", "category");
    assertThat(problems.get(0).message()).contains("both be *");
  }

  @Test
  void codesAreCaseSensitiveLikeTheReferenceData() {
    assertThat(fields(validate("jiangan", "*", "JIANGAN_CGJ"))).containsExactly("district");
  }

  @Test
  void aNewRuleIsVersionOne() {
    RuleEdits.Edit edit = RuleEdits.put(Optional.empty(), "JIANGAN", "GAS_SAFETY", "CITY_GAS_CENTRE", "admin", T0);
    assertThat(edit.outcome()).isEqualTo(Outcome.CREATED);
    assertThat(edit.rule()).isEqualTo(new RuleVersion("JIANGAN", "GAS_SAFETY", "CITY_GAS_CENTRE", 1, true, "admin", T0));
  }

  @Test
  void pointingARuleElsewhereMakesTheNextVersion() {
    RuleVersion v3 = new RuleVersion("JIANGAN", "*", "JIANGAN_CGJ", 3, true, "seed", T0);
    RuleEdits.Edit edit = RuleEdits.put(Optional.of(v3), "JIANGAN", "*", "CITY_GAS_CENTRE", "admin", T1);
    assertThat(edit.outcome()).isEqualTo(Outcome.CHANGED);
    assertThat(edit.rule()).isEqualTo(new RuleVersion("JIANGAN", "*", "CITY_GAS_CENTRE", 4, true, "admin", T1));
  }

  @Test
  void puttingWhatIsInForceAgainMakesNoVersion() {
    RuleVersion v2 = new RuleVersion("JIANGAN", "*", "JIANGAN_CGJ", 2, true, "seed", T0);
    RuleEdits.Edit edit = RuleEdits.put(Optional.of(v2), "JIANGAN", "*", "JIANGAN_CGJ", "admin", T1);
    assertThat(edit.outcome()).isEqualTo(Outcome.UNCHANGED);
    assertThat(edit.rule()).isSameAs(v2);
  }

  @Test
  void retiringMakesAnInactiveVersionAndPuttingReactivatesWithAnother() {
    RuleVersion v1 = new RuleVersion("JIANGAN", "*", "JIANGAN_CGJ", 1, true, "seed", T0);
    RuleEdits.Edit retired = RuleEdits.retire(v1, "admin", T1);
    assertThat(retired.outcome()).isEqualTo(Outcome.CHANGED);
    assertThat(retired.rule()).isEqualTo(new RuleVersion("JIANGAN", "*", "JIANGAN_CGJ", 2, false, "admin", T1));

    assertThat(RuleEdits.retire(retired.rule(), "admin", T1).outcome()).as("retiring twice").isEqualTo(Outcome.UNCHANGED);

    RuleEdits.Edit again = RuleEdits.put(Optional.of(retired.rule()), "JIANGAN", "*", "JIANGAN_CGJ", "admin", T1);
    assertThat(again.outcome()).isEqualTo(Outcome.CHANGED);
    assertThat(again.rule().version()).isEqualTo(3);
    assertThat(again.rule().active()).isTrue();
  }
}
