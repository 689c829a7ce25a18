package city.hotline.gateway.reconciliation;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.gateway.reconciliation.Books.Dispatch;
import city.hotline.gateway.reconciliation.Books.Feedback;
import city.hotline.gateway.reconciliation.Books.Intake;
import city.hotline.gateway.reconciliation.Reconciliation.Discrepancy;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import static org.assertj.core.groups.Tuple.tuple;

class ReconciliationTest {
  private final Map<String, Intake> intake = new HashMap<>();
  private final Map<String, Dispatch> dispatch = new HashMap<>();
  private final Map<String, Feedback> feedback = new HashMap<>();

  private List<Discrepancy> check() {
    return Reconciliation.check(new Books(intake, dispatch, feedback));
  }

  /** A ticket whose three services agree: closed after a satisfied return visit, counted as such. */
  private void closedSatisfied(String t) {
    intake.put(t, new Intake("CLOSED", false, 0));
    dispatch.put(t, new Dispatch("CLOSED", true, true, 0));
    feedback.put(t, new Feedback("CLOSED", "SATISFIED", Set.of("RECEIVED", "DISPATCHED", "CLAIMED", "RESOLVED", "CLOSED"),
        "SATISFIED", 0));
  }

  @Test
  void booksThatAgreeHaveNoDiscrepancy() {
    closedSatisfied("WH1");
    intake.put("WH2", new Intake("MERGED", false, 0));
    feedback.put("WH2", new Feedback("AWAITING_RESOLUTION", null, Set.of("RECEIVED", "MERGED"), null, 0));
    intake.put("WH3", new Intake("CLOSED", true, 0));
    feedback.put("WH3", new Feedback(null, null, Set.of("RECEIVED", "CLOSED_DIRECTLY", "CLOSED"), "CLOSED_DIRECTLY", 0));
    intake.put("WH4", new Intake("RESOLVED", false, 0));
    dispatch.put("WH4", new Dispatch("RESOLVED", true, true, 0));
    feedback.put("WH4", new Feedback("OPEN", null, Set.of("RECEIVED", "DISPATCHED", "CLAIMED", "RESOLVED"), null, 0));

    assertThat(check()).isEmpty();
  }

  @Test
  void aRegisteredCallThatNeverReachedDispatchIsNamed() {
    closedSatisfied("WH1");
    intake.put("WH2", new Intake("REGISTERED", false, 0));
    feedback.put("WH2", new Feedback("AWAITING_RESOLUTION", null, Set.of("RECEIVED"), null, 0));

    assertThat(check()).extracting(Discrepancy::ticketId, Discrepancy::rule)
        .containsExactly(tuple("WH2", "registered but not in dispatch"));
  }

  @Test
  void aCaseClosedInDispatchOnlyAndItsMissingFiguresAreNamed() {
    closedSatisfied("WH1");
    intake.put("WH1", new Intake("RESOLVED", false, 0));
    feedback.put("WH1", new Feedback("OPEN", null, Set.of("RECEIVED", "RESOLVED"), null, 0));

    assertThat(check()).extracting(Discrepancy::rule).containsExactlyInAnyOrder(
        "open return visit for a case not resolved", "closed in some services only", "statistics disagree",
        "statistics disagree");
    assertThat(check()).extracting(Discrepancy::detail)
        .contains("not counted as DISPATCHED", "not counted as CLOSED", "intake not closed, dispatch closed, feedback not closed");
  }

  @Test
  void aResolvedCaseWithoutItsVisitAndAnUnpublishedEventAreNamed() {
    intake.put("WH5", new Intake("RESOLVED", false, 0));
    dispatch.put("WH5", new Dispatch("RESOLVED", true, true, 1));
    feedback.put("WH5", new Feedback("AWAITING_RESOLUTION", null, Set.of("RECEIVED", "DISPATCHED"), null, 0));

    assertThat(check()).extracting(Discrepancy::rule).containsExactlyInAnyOrder(
        "resolved case without an open return visit", "statistics disagree", "events not yet published");
  }

  @Test
  void aCloseCountedWithAnotherOutcomeAndACaseWithoutTicketAreNamed() {
    closedSatisfied("WH1");
    feedback.put("WH1", new Feedback("CLOSED", "DISSATISFIED", feedback.get("WH1").figures(), "SATISFIED", 0));
    dispatch.put("WH9", new Dispatch("DISPATCHED", true, false, 0));

    assertThat(check()).extracting(Discrepancy::ticketId, Discrepancy::rule).containsExactlyInAnyOrder(
        tuple("WH1", "close counted with another outcome"),
        tuple("WH9", "case without a ticket"),
        tuple("WH9", "statistics disagree"));
  }
}
