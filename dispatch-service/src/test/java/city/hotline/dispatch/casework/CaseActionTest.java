package city.hotline.dispatch.casework;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.EnumSet;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

class CaseActionTest {

  @ParameterizedTest
  @EnumSource(CaseState.class)
  void claimIsAllowedOnlyFromDispatched(CaseState state) {
    assertThat(CaseAction.CLAIM.allowedFrom(state)).isEqualTo(state == CaseState.DISPATCHED);
  }

  @ParameterizedTest
  @EnumSource(CaseState.class)
  void resolveIsAllowedOnlyFromClaimed(CaseState state) {
    assertThat(CaseAction.RESOLVE.allowedFrom(state)).isEqualTo(state == CaseState.CLAIMED);
  }

  @ParameterizedTest
  @EnumSource(CaseState.class)
  void closeIsAllowedOnlyFromResolved(CaseState state) {
    assertThat(CaseAction.CLOSE.allowedFrom(state)).isEqualTo(state == CaseState.RESOLVED);
  }

  @ParameterizedTest
  @EnumSource(CaseAction.class)
  void aClosedCaseCannotBeMoved(CaseAction action) {
    assertThat(action.allowedFrom(CaseState.CLOSED)).isFalse();
    assertThat(action.refusal("WH20261122000001", CaseState.CLOSED)).contains("is CLOSED");
  }

  @ParameterizedTest
  @EnumSource(CaseAction.class)
  void everyActionLeadsSomewhereNew(CaseAction action) {
    assertThat(EnumSet.copyOf(action.from())).doesNotContain(action.to());
  }
}
