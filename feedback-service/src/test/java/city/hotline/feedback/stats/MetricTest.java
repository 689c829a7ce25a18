package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.contracts.CaseClosed;
import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.CaseOverdue;
import city.hotline.contracts.CasePressed;
import city.hotline.contracts.CaseReopened;
import city.hotline.contracts.CaseResolved;
import city.hotline.contracts.CaseReturned;
import city.hotline.contracts.ComplaintMerged;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class MetricTest {
  /** The figures an event counts, with the attributes it gives them, flattened in order. */
  private static java.util.List<Metric> countedBy(EventEnvelope<?> event) {
    java.util.List<Metric> metrics = new java.util.ArrayList<>();
    for (Metric.Placement p : Metric.placements(event)) {
      metrics.add(p.metric());
      p.metric().attributes().stream().filter(p.attributes()::contains).forEach(metrics::add);
    }
    return metrics;
  }

  private final CaseFacts facts = new CaseFacts("JIANGAN", "SANITATION", "NORMAL", "JIANGAN_CGJ");

  private EventEnvelope<CaseClosed> closed(String outcome) {
    return closed(outcome, null);
  }

  private EventEnvelope<CaseClosed> closed(String outcome, Boolean solved) {
    return EventEnvelope.of(EventType.CASE_CLOSED, "T", "feedback-service", Instant.EPOCH,
        new CaseClosed(facts, outcome, "operator", null, solved));
  }

  @Test
  void satisfiedAndBasicallySatisfiedAreContentRatings() {
    assertThat(countedBy(closed("SATISFIED"))).containsExactly(Metric.CLOSED, Metric.RATED, Metric.CONTENT);
    assertThat(countedBy(closed("BASICALLY_SATISFIED"))).containsExactly(Metric.CLOSED, Metric.RATED, Metric.CONTENT);
    assertThat(countedBy(closed("DISSATISFIED"))).containsExactly(Metric.CLOSED, Metric.RATED);
  }

  /**
   * 解决率: a rating whose citizen answered 问题是否解决 counts in its denominator, and among those a "yes" in its
   * numerator; the question is optional, so a rating without an answer counts in neither; an unrated close never.
   */
  @Test
  void aRatedCloseCountsTowardsTheSolvedRateOnlyWhenItsCitizenAnsweredTheQuestion() {
    assertThat(countedBy(closed("SATISFIED", true))).containsExactly(Metric.CLOSED, Metric.RATED, Metric.CONTENT,
        Metric.SOLVED, Metric.SOLVED_ANSWERED);
    assertThat(countedBy(closed("DISSATISFIED", true))).containsExactly(Metric.CLOSED, Metric.RATED, Metric.SOLVED,
        Metric.SOLVED_ANSWERED);
    assertThat(countedBy(closed("SATISFIED", false))).containsExactly(Metric.CLOSED, Metric.RATED, Metric.CONTENT,
        Metric.SOLVED_ANSWERED);
    assertThat(countedBy(closed("SATISFIED", null))).as("not answered: neither solved nor unsolved")
        .containsExactly(Metric.CLOSED, Metric.RATED, Metric.CONTENT);
    assertThat(countedBy(closed("NO_RESPONSE", true))).containsExactly(Metric.CLOSED);
  }

  @Test
  void unreachableAndNoResponseCloseButAreNotRatings() {
    assertThat(countedBy(closed("UNREACHABLE"))).containsExactly(Metric.CLOSED);
    assertThat(countedBy(closed("NO_RESPONSE"))).containsExactly(Metric.CLOSED);
  }

  private EventEnvelope<ComplaintRegistered> registered(String type, boolean closedDirectly, String article) {
    return EventEnvelope.of(EventType.COMPLAINT_REGISTERED, "T", "intake-service", Instant.EPOCH,
        new ComplaintRegistered(facts, "n", "p", false, "PHONE", type, "a", "d", "operator", closedDirectly,
            closedDirectly ? "已答复" : null, null, null, null, null, article));
  }

  @Test
  void aConsultationClosedOnThePhoneIsReceivedAndClosedAtOnce() {
    assertThat(countedBy(registered("CONSULTATION", true, null)))
        .containsExactly(Metric.RECEIVED, Metric.CONSULTATIONS, Metric.CLOSED_DIRECTLY, Metric.CLOSED);
  }

  /** 知识库解答率: answered from the knowledge base only when closed on the phone citing an article. */
  @Test
  void aConsultationClosedFromAKnowledgeArticleCountsAsAnsweredFromTheKnowledgeBase() {
    EventEnvelope<ComplaintRegistered> fromArticle = registered("CONSULTATION", true, "KB000101");
    assertThat(countedBy(fromArticle)).containsExactly(Metric.RECEIVED, Metric.CONSULTATIONS,
        Metric.ANSWERED_FROM_KNOWLEDGE, Metric.CLOSED_DIRECTLY, Metric.CLOSED);
    assertThat(Metric.placements(fromArticle)).filteredOn(p -> p.metric() == Metric.CONSULTATIONS).singleElement()
        .satisfies(p -> assertThat(p.outcome()).as("the article, for the case list").isEqualTo("KB000101"));
    assertThat(countedBy(registered("CONSULTATION", false, null))).as("a consultation sent to a unit")
        .containsExactly(Metric.RECEIVED, Metric.CONSULTATIONS);
    assertThat(countedBy(registered("CONSULTATION", false, "KB000101"))).as("an article cited but not closed")
        .containsExactly(Metric.RECEIVED, Metric.CONSULTATIONS);
    assertThat(countedBy(registered("COMPLAINT", false, null))).containsExactly(Metric.RECEIVED);
  }

  @Test
  void aLateResolutionCountsAsResolvedButNotOnTime() {
    EventEnvelope<CaseResolved> late = EventEnvelope.of(EventType.CASE_RESOLVED, "T", "dispatch-service",
        Instant.EPOCH, new CaseResolved(facts, "bureau", "done", false, null, null));
    assertThat(countedBy(late)).containsExactly(Metric.RESOLVED);
  }

  @Test
  void aResolutionCarriesItsHandlingTimeFromRegistration() {
    Instant registered = Instant.parse("2026-11-02T01:00:00Z");
    EventEnvelope<CaseResolved> resolved = EventEnvelope.of(EventType.CASE_RESOLVED, "T", "dispatch-service",
        registered.plusSeconds(5400), new CaseResolved(facts, "bureau", "done", true, registered, null));
    assertThat(Metric.placements(resolved)).singleElement().satisfies(p -> {
      assertThat(p.handlingSeconds()).isEqualTo(5400);
      assertThat(p.attributes()).containsExactly(Metric.RESOLVED_ON_TIME);
    });
  }

  @Test
  void aCloseRemembersHowTheCaseEnded() {
    assertThat(Metric.placements(closed("NO_RESPONSE"))).singleElement()
        .satisfies(p -> assertThat(p.outcome()).isEqualTo("NO_RESPONSE"));
  }

  @Test
  void aCallMergedAtOrAfterRegistrationCountsAsReceivedAndMergedOnce() {
    EventEnvelope<ComplaintRegistered> mergedAtOnce = EventEnvelope.of(EventType.COMPLAINT_REGISTERED, "T2",
        "intake-service", Instant.EPOCH, new ComplaintRegistered(facts, "n", "p", false, "PHONE", "COMPLAINT", "a", "d",
            "operator", false, null, null, null, null, "T1"));
    assertThat(countedBy(mergedAtOnce)).containsExactly(Metric.RECEIVED, Metric.MERGED);
    EventEnvelope<ComplaintMerged> mergedLater = EventEnvelope.of(EventType.COMPLAINT_MERGED, "T3", "intake-service",
        Instant.EPOCH, new ComplaintMerged(facts, "T1", "operator"));
    assertThat(countedBy(mergedLater)).containsExactly(Metric.MERGED);
  }

  @Test
  void returnsOverdueDeadlinesAndReopeningsEachHaveTheirFigureAndPressesNone() {
    assertThat(countedBy(EventEnvelope.of(EventType.CASE_RETURNED, "T", "dispatch-service", Instant.EPOCH,
        new CaseReturned(facts, "bureau", "NOT_OUR_DISTRICT", "n", 1)))).containsExactly(Metric.RETURNED);
    assertThat(countedBy(EventEnvelope.of(EventType.CASE_OVERDUE, "T", "dispatch-service", Instant.EPOCH,
        new CaseOverdue(facts, CaseOverdue.CLAIM, Instant.EPOCH)))).containsExactly(Metric.OVERDUE);
    assertThat(countedBy(EventEnvelope.of(EventType.CASE_REOPENED, "T", "feedback-service", Instant.EPOCH,
        new CaseReopened(facts, "operator", "c", 1)))).containsExactly(Metric.REOPENED);
    assertThat(countedBy(EventEnvelope.of(EventType.CASE_PRESSED, "T", "dispatch-service", Instant.EPOCH,
        new CasePressed(facts, "dispatcher", "n")))).isEmpty();
  }
}
