package city.hotline.feedback.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.support.web.ApiException;
import org.junit.jupiter.api.Test;

class ReturnVisitTest {
  private static final int MAX_FAILED = 3;
  private static final int MAX_REOPENINGS = 2;
  private final Attempt satisfied = new Attempt(true, Satisfaction.SATISFIED, 5, true, "很满意");
  private final Attempt notReached = new Attempt(false, null, null, null, null);

  @Test
  void aReachedCitizensRatingClosesTheVisit() {
    ReturnVisit.Decision decision = new ReturnVisit("T", VisitState.OPEN, 0, 0).record(satisfied, MAX_FAILED, MAX_REOPENINGS);
    assertThat(decision.closingOutcome()).contains("SATISFIED");
  }

  @Test
  void theThirdFailedCallClosesItAsUnreachable() {
    assertThat(new ReturnVisit("T", VisitState.OPEN, 0, 0).record(notReached, MAX_FAILED, MAX_REOPENINGS).closingOutcome()).isEmpty();
    assertThat(new ReturnVisit("T", VisitState.OPEN, 1, 0).record(notReached, MAX_FAILED, MAX_REOPENINGS).closingOutcome()).isEmpty();
    ReturnVisit.Decision third = new ReturnVisit("T", VisitState.OPEN, 2, 0).record(notReached, MAX_FAILED, MAX_REOPENINGS);
    assertThat(third.closingOutcome()).contains(ReturnVisit.UNREACHABLE);
    assertThat(third.failedAttempts()).isEqualTo(3);
  }

  @Test
  void aReachedCitizenWithoutARatingIsInvalid() {
    Attempt noRating = new Attempt(true, null, null, null, null);
    assertThatThrownBy(() -> new ReturnVisit("T", VisitState.OPEN, 0, 0).record(noRating, MAX_FAILED, MAX_REOPENINGS))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.errors()).extracting(ApiException.FieldProblem::field).containsExactly("satisfaction"));
  }

  @Test
  void anUnresolvedOrClosedCaseCannotBeRated() {
    assertThatThrownBy(() -> new ReturnVisit("T", VisitState.AWAITING_RESOLUTION, 0, 0).record(satisfied, MAX_FAILED, MAX_REOPENINGS))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    assertThatThrownBy(() -> new ReturnVisit("T", VisitState.CLOSED, 0, 0).record(satisfied, MAX_FAILED, MAX_REOPENINGS))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("already closed"));
  }

  @Test
  void aDissatisfiedCitizenSendsTheCaseBackTwiceAndTheThirdTimeItClosesAsDissatisfied() {
    Attempt dissatisfied = new Attempt(true, Satisfaction.DISSATISFIED, 1, false, "路灯还是不亮");
    for (int reopenings = 0; reopenings < MAX_REOPENINGS; reopenings++) {
      ReturnVisit.Decision decision = new ReturnVisit("T", VisitState.OPEN, 1, reopenings)
          .record(dissatisfied, MAX_FAILED, MAX_REOPENINGS);
      assertThat(decision.reopen()).isTrue();
      assertThat(decision.closingOutcome()).isEmpty();
    }
    ReturnVisit.Decision last = new ReturnVisit("T", VisitState.OPEN, 0, MAX_REOPENINGS)
        .record(dissatisfied, MAX_FAILED, MAX_REOPENINGS);
    assertThat(last.reopen()).isFalse();
    assertThat(last.closingOutcome()).contains("DISSATISFIED");
    assertThat(new ReturnVisit("T", VisitState.OPEN, 0, 0).record(satisfied, MAX_FAILED, MAX_REOPENINGS).reopen())
        .isFalse();
  }
}
