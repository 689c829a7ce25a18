package city.hotline.gateway.reconciliation;

import city.hotline.gateway.reconciliation.Books.Dispatch;
import city.hotline.gateway.reconciliation.Books.Feedback;
import city.hotline.gateway.reconciliation.Books.Intake;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;

/**
 * 对账: the rules the whole system's books must obey, ticket by ticket (issue 7).
 *
 * <ul>
 *   <li>every registered ticket is merged (重复件), closed at the call (直接办结), or has a case in dispatch;
 *   <li>every case waiting for its return visit has an open visit, every open visit a resolved case;
 *   <li>a closed case (结案) is closed in all three services;
 *   <li>the statistics count each ticket for the figures its states say (received, merged, closed directly,
 *       dispatched, resolved, closed with the visit's outcome);
 *   <li>no event waits unpublished in an outbox.
 * </ul>
 * While events are still on their way the books may briefly disagree; a discrepancy that stays is real.
 */
final class Reconciliation {
  static final String MERGED = "MERGED";
  static final String CLOSED = "CLOSED";
  static final String RESOLVED = "RESOLVED";
  static final String OPEN = "OPEN";

  /** One rule one ticket breaks. */
  record Discrepancy(String ticketId, String rule, String detail) {}

  private Reconciliation() {}

  static List<Discrepancy> check(Books books) {
    Set<String> tickets = new TreeSet<>(books.intake().keySet());
    tickets.addAll(books.dispatch().keySet());
    tickets.addAll(books.feedback().keySet());
    List<Discrepancy> found = new ArrayList<>();
    for (String t : tickets) {
      Ticket ticket = new Ticket(t, books.intake().get(t), books.dispatch().get(t), books.feedback().get(t), found);
      ticket.check();
    }
    return found;
  }

  private record Ticket(String id, Intake intake, Dispatch kase, Feedback feedback, List<Discrepancy> found) {
    void check() {
      registration();
      visit();
      closure();
      figures();
      outboxes();
    }

    private void registration() {
      if (intake == null) {
        if (kase != null) {
          report("case without a ticket", "dispatch has a case (" + kase.state() + ") that intake never registered");
        }
        return;
      }
      if (intake.status().equals(MERGED)) {
        if (kase != null && !kase.state().equals(MERGED)) {
          report("merge not carried out", "merged in intake, " + kase.state() + " in dispatch");
        }
      } else if (intake.closedDirectly()) {
        if (kase != null) {
          report("case for a call closed at the call", "dispatch has a case (" + kase.state() + ")");
        }
      } else if (kase == null) {
        report("registered but not in dispatch", "intake says " + intake.status() + ", dispatch has no case");
      }
    }

    private void visit() {
      if (kase == null) {
        return;
      }
      String visit = feedback == null ? null : feedback.visit();
      if (kase.state().equals(RESOLVED) && !OPEN.equals(visit)) {
        report("resolved case without an open return visit", "visit is " + visit);
      }
      if (OPEN.equals(visit) && !kase.state().equals(RESOLVED)) {
        report("open return visit for a case not resolved", "case is " + kase.state());
      }
    }

    private void closure() {
      if (intake != null && intake.closedDirectly()) {
        return;
      }
      boolean inIntake = intake != null && intake.status().equals(CLOSED);
      boolean inDispatch = kase != null && kase.state().equals(CLOSED);
      boolean inFeedback = feedback != null && CLOSED.equals(feedback.visit());
      if ((inIntake || inDispatch || inFeedback) && !(inIntake && inDispatch && inFeedback)) {
        report("closed in some services only",
            "intake " + (inIntake ? "closed" : "not closed") + ", dispatch " + (inDispatch ? "closed" : "not closed")
                + ", feedback " + (inFeedback ? "closed" : "not closed"));
      }
    }

    private void figures() {
      Set<String> figures = feedback == null ? Set.of() : feedback.figures();
      if (intake != null) {
        expect(figures, "RECEIVED", true);
        expect(figures, "MERGED", intake.status().equals(MERGED));
        expect(figures, "CLOSED_DIRECTLY", intake.closedDirectly());
      }
      boolean closedCase = kase != null && kase.state().equals(CLOSED);
      if (kase != null) {
        expect(figures, "DISPATCHED", kase.dispatched());
        if (kase.state().equals(RESOLVED) || closedCase) {
          expect(figures, "RESOLVED", true);
        }
      }
      boolean closedDirectly = intake != null && intake.closedDirectly();
      expect(figures, "CLOSED", closedCase || closedDirectly);
      if (closedCase && feedback != null && CLOSED.equals(feedback.visit())
          && !Objects.equals(feedback.closedAs(), feedback.outcome())) {
        report("close counted with another outcome",
            "statistics " + feedback.closedAs() + ", return visit " + feedback.outcome());
      }
    }

    private void expect(Set<String> figures, String figure, boolean counted) {
      if (figures.contains(figure) != counted) {
        report("statistics disagree", counted ? "not counted as " + figure : "counted as " + figure);
      }
    }

    private void outboxes() {
      int pending = (intake == null ? 0 : intake.pending()) + (kase == null ? 0 : kase.pending())
          + (feedback == null ? 0 : feedback.pending());
      if (pending > 0) {
        report("events not yet published", pending + " waiting in outboxes");
      }
    }

    private void report(String rule, String detail) {
      found.add(new Discrepancy(id, rule, detail));
    }
  }
}
