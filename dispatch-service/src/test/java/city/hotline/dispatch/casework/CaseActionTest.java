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

  /** Re-routing an unclaimed case (改派) is the one move that may end in the state it started from. */
  @ParameterizedTest
  @EnumSource(CaseAction.class)
  void everyStateChangeLeadsSomewhereNewExceptRerouting(CaseAction action) {
    if (action.changesState() && action != CaseAction.DISPATCH) {
      CaseState to = action.result(CaseState.DISPATCHED);
      assertThat(EnumSet.copyOf(action.from())).doesNotContain(to);
    }
  }

  @ParameterizedTest
  @EnumSource(CaseAction.class)
  void actionsThatKeepTheStateOnlyApplyWhileAUnitHasTheCase(CaseAction action) {
    if (!action.changesState()) {
      assertThat(action.from()).allMatch(CaseState::withUnit);
      action.from().forEach(state -> assertThat(action.result(state)).isEqualTo(state));
    }
  }

  @ParameterizedTest
  @EnumSource(CaseState.class)
  void aUnitReturnsOnlyCasesItHolds(CaseState state) {
    assertThat(CaseAction.RETURN.allowedFrom(state)).isEqualTo(state.withUnit());
  }

  @ParameterizedTest
  @EnumSource(CaseState.class)
  void theDeskRoutesByHandOnlyBeforeAnyClaim(CaseState state) {
    assertThat(CaseAction.DISPATCH.allowedFrom(state)).isEqualTo(state.atDesk() || state == CaseState.DISPATCHED);
  }

  @ParameterizedTest
  @EnumSource(CaseState.class)
  void onlyAResolvedCaseIsReopened(CaseState state) {
    assertThat(CaseAction.REOPEN.allowedFrom(state)).isEqualTo(state == CaseState.RESOLVED);
    assertThat(CaseAction.REOPEN.result(CaseState.RESOLVED)).isEqualTo(CaseState.DISPATCHED);
  }
}
