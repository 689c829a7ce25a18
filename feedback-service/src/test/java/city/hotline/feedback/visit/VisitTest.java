package city.hotline.feedback.visit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseReopened;
import city.hotline.contracts.EventType;
import city.hotline.support.web.ApiException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The return visit's rules (SPEC §2), decided in plain Java: what each call, rating, link and deadline changes. */
class VisitTest {
  private static final int MAX_FAILED = 3;
  private static final int MAX_REOPENINGS = 2;
  private static final Instant NOW = Instant.parse("2026-11-23T08:00:00Z");
  private static final CaseFacts FACTS = new CaseFacts("HANYANG", "SANITATION", "NORMAL", "HANYANG_CGJ");
  private final Attempt satisfied = new Attempt(true, Satisfaction.SATISFIED, 5, true, "很满意");
  private final Attempt notReached = new Attempt(false, null, null, null, null);
  private final Attempt dissatisfied = new Attempt(true, Satisfaction.DISSATISFIED, 1, false, "路灯还是不亮");

  private static Visit visit(VisitState state, int failedAttempts, int reopenCount) {
    return visit(state, failedAttempts, reopenCount, null);
  }

  private static Visit visit(VisitState state, int failedAttempts, int reopenCount, RatingLink.Issued link) {
    return new Visit("T", state, new Visit.Caller("赵六", "13700001111", false), "汉南大道", "垃圾堆积", FACTS,
        List.of("e1"), NOW.minus(Duration.ofDays(1)), NOW.plus(Duration.ofDays(2)), "已清运", failedAttempts,
        reopenCount, null, null, List.of(), link, link == null ? List.of() : List.of(link.hash()));
  }

  private static VisitChange call(Visit visit, Attempt attempt) {
    return visit.record(attempt, "operator", NOW, MAX_FAILED, MAX_REOPENINGS);
  }

  @Test
  void aReachedCitizensRatingClosesTheVisitWithCaseClosedGuardedOnTheVisitAsRead() {
    VisitChange change = call(visit(VisitState.OPEN, 1, 0), satisfied);
    assertThat(change.expected()).containsEntry(Visit.STATE, VisitState.OPEN).containsEntry(Visit.FAILED_ATTEMPTS, 1);
    assertThat(change.sets()).containsEntry(Visit.STATE, VisitState.CLOSED).containsEntry(Visit.OUTCOME, "SATISFIED")
        .containsEntry(Visit.CLOSED_AT, NOW);
    assertThat(change.pushes().get(Visit.ATTEMPTS)).isEqualTo(
        new Visit.Call(NOW, "operator", Visit.PHONE, true, Satisfaction.SATISFIED, 5, true, "很满意"));
    assertThat(change.event()).hasValueSatisfying(e -> {
      assertThat(e.type()).isEqualTo(EventType.CASE_CLOSED);
      assertThat(e.payload()).isEqualTo(new CaseClosed(FACTS, "SATISFIED", "operator", "很满意", true));
    });
  }

  /** 解决率 counts the citizen's answer to "is it solved", carried by the close; an unreached citizen gave none. */
  @Test
  void theCloseCarriesWhetherTheCitizenSaidTheProblemWasSolved() {
    Attempt satisfiedButUnsolved = new Attempt(true, Satisfaction.BASICALLY_SATISFIED, 3, false, null);
    assertThat(call(visit(VisitState.OPEN, 0, 0), satisfiedButUnsolved).event().orElseThrow().payload())
        .isEqualTo(new CaseClosed(FACTS, "BASICALLY_SATISFIED", "operator", null, false));
    Attempt notAsked = new Attempt(true, Satisfaction.SATISFIED, null, null, null);
    assertThat(call(visit(VisitState.OPEN, 0, 0), notAsked).event().orElseThrow().payload())
        .isEqualTo(new CaseClosed(FACTS, "SATISFIED", "operator", null, null));
    assertThat(call(visit(VisitState.OPEN, 0, MAX_REOPENINGS), dissatisfied).event().orElseThrow().payload())
        .isEqualTo(new CaseClosed(FACTS, "DISSATISFIED", "operator", "路灯还是不亮", false));
    assertThat(call(visit(VisitState.OPEN, MAX_FAILED - 1, 0), notReached).event().orElseThrow().payload())
        .isEqualTo(new CaseClosed(FACTS, Visit.UNREACHABLE, "operator", null, null));
    RatingLink.Issued link = new RatingLink.Issued("h3", NOW.minusSeconds(60), "operator", NOW.plusSeconds(60), null);
    assertThat(visit(VisitState.OPEN, 0, 0, link).rateThroughLink("h3", satisfied, NOW, MAX_FAILED, MAX_REOPENINGS)
        .event().orElseThrow().payload()).as("the citizen's own rating through the link")
        .isEqualTo(new CaseClosed(FACTS, "SATISFIED", Visit.CITIZEN, "很满意", true));
  }

  @Test
  void theThirdFailedCallClosesItAsUnreachableTheOthersKeepItOpenWithoutAnEvent() {
    VisitChange first = call(visit(VisitState.OPEN, 0, 0), notReached);
    assertThat(first.sets()).containsEntry(Visit.FAILED_ATTEMPTS, 1).doesNotContainKey(Visit.STATE);
    assertThat(first.event()).isEmpty();
    assertThat(call(visit(VisitState.OPEN, 1, 0), notReached).event()).isEmpty();
    VisitChange third = call(visit(VisitState.OPEN, 2, 0), notReached);
    assertThat(third.sets()).containsEntry(Visit.OUTCOME, Visit.UNREACHABLE).containsEntry(Visit.FAILED_ATTEMPTS, 3);
    assertThat(third.event()).hasValueSatisfying(e -> assertThat(e.type()).isEqualTo(EventType.CASE_CLOSED));
  }

  @Test
  void aReachedCitizenWithoutARatingIsInvalid() {
    Attempt noRating = new Attempt(true, null, null, null, null);
    assertThatThrownBy(() -> call(visit(VisitState.OPEN, 0, 0), noRating))
        .isInstanceOfSatisfying(ApiException.class,
            e -> assertThat(e.errors()).extracting(ApiException.FieldProblem::field).containsExactly("satisfaction"));
  }

  @Test
  void anUnresolvedOrClosedCaseCannotBeRated() {
    assertThatThrownBy(() -> call(visit(VisitState.AWAITING_RESOLUTION, 0, 0), satisfied))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    assertThatThrownBy(() -> call(visit(VisitState.CLOSED, 0, 0), satisfied))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("already closed"));
  }

  @Test
  void aDissatisfiedCitizenSendsTheCaseBackTwiceAndTheThirdTimeItClosesAsDissatisfied() {
    for (int reopenings = 0; reopenings < MAX_REOPENINGS; reopenings++) {
      VisitChange change = call(visit(VisitState.OPEN, 1, reopenings), dissatisfied);
      assertThat(change.sets()).containsEntry(Visit.STATE, VisitState.AWAITING_RESOLUTION)
          .containsEntry(Visit.REOPEN_COUNT, reopenings + 1).containsEntry(Visit.FAILED_ATTEMPTS, 0);
      assertThat(change.event().orElseThrow().payload())
          .isEqualTo(new CaseReopened(FACTS, "operator", "路灯还是不亮", reopenings + 1));
    }
    VisitChange last = call(visit(VisitState.OPEN, 0, MAX_REOPENINGS), dissatisfied);
    assertThat(last.sets()).containsEntry(Visit.STATE, VisitState.CLOSED).containsEntry(Visit.OUTCOME, "DISSATISFIED");
  }

  @Test
  void aLinkIsIssuedOnlyWhileOpenAndIsRememberedAmongTheVisitsLinks() {
    VisitChange change = visit(VisitState.OPEN, 0, 0).issueLink("h1", "operator", NOW, NOW.plus(Duration.ofDays(7)));
    assertThat(change.sets()).containsEntry(Visit.RATING_LINK,
        new RatingLink.Issued("h1", NOW, "operator", NOW.plus(Duration.ofDays(7)), null));
    assertThat(change.pushes()).containsEntry(Visit.LINK_HASHES, "h1");
    assertThat(change.event()).isEmpty();
    assertThatThrownBy(() -> visit(VisitState.CLOSED, 0, 0).issueLink("h1", "operator", NOW, NOW))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
  }

  @Test
  void aCitizensRatingThroughTheCurrentLinkUsesItOnceAndAnyOtherLinkIsRefused() {
    RatingLink.Issued link = new RatingLink.Issued("h2", NOW.minusSeconds(60), "operator", NOW.plusSeconds(60), null);
    VisitChange change = visit(VisitState.OPEN, 0, 0, link)
        .rateThroughLink("h2", satisfied, NOW, MAX_FAILED, MAX_REOPENINGS);
    assertThat(change.expected()).containsEntry("ratingLink.hash", "h2").containsEntry("ratingLink.usedAt", null);
    assertThat(change.sets()).containsEntry("ratingLink.usedAt", NOW).containsEntry(Visit.OUTCOME, "SATISFIED");
    assertThat(((Visit.Call) change.pushes().get(Visit.ATTEMPTS)).channel()).isEqualTo(Visit.LINK);

    assertThatThrownBy(() -> visit(VisitState.OPEN, 0, 0, link).checkLink("h1", NOW))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(410));
    RatingLink.Issued used = new RatingLink.Issued("h2", NOW, "operator", NOW.plusSeconds(60), NOW);
    assertThatThrownBy(() -> visit(VisitState.OPEN, 0, 0, used).checkLink("h2", NOW))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
    assertThatThrownBy(() -> visit(VisitState.OPEN, 0, 0, link).checkLink("h2", NOW.plusSeconds(61)))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.getMessage()).contains("过期"));
    assertThatThrownBy(() -> visit(VisitState.CLOSED, 0, 0, link).checkLink("h2", NOW))
        .isInstanceOfSatisfying(ApiException.class, e -> assertThat(e.status().value()).isEqualTo(409));
  }

  @Test
  void anOpenVisitPastItsDeadlineClosesAsNoResponseGuardedOnThatDeadline() {
    Visit open = visit(VisitState.OPEN, 1, 0);
    assertThat(open.expire(open.returnVisitDeadline().minusSeconds(1))).isEmpty();
    VisitChange change = open.expire(open.returnVisitDeadline()).orElseThrow();
    assertThat(change.expected()).containsEntry(Visit.DEADLINE, open.returnVisitDeadline())
        .containsEntry(Visit.STATE, VisitState.OPEN).containsEntry(Visit.FAILED_ATTEMPTS, 1);
    assertThat(change.sets()).containsEntry(Visit.OUTCOME, Visit.NO_RESPONSE);
    assertThat(change.event().orElseThrow().payload())
        .isEqualTo(new CaseClosed(FACTS, Visit.NO_RESPONSE, Visit.SYSTEM, null));
    assertThat(visit(VisitState.CLOSED, 0, 0).expire(NOW.plus(Duration.ofDays(9)))).isEmpty();
  }

  /** A visit, its caller or its view in a log line never carries the caller's name or phone. */
  @Test
  void neitherTheVisitNorItsCallerNorItsViewPrintsTheCallersNameOrPhone() {
    Visit visit = visit(VisitState.OPEN, 1, 0);
    for (Object printed : List.of(visit, visit.caller(), VisitView.of(visit))) {
      assertThat(printed.toString()).doesNotContain("赵六", "13700001111");
    }
    assertThat(visit.toString()).contains("T", "OPEN");
  }
}
