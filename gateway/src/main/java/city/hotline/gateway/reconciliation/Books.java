package city.hotline.gateway.reconciliation;

import java.util.Map;
import java.util.Set;

/** The three services' ledgers, by ticket id, as their {@code /api/admin/books} report them. */
record Books(Map<String, Intake> intake, Map<String, Dispatch> dispatch, Map<String, Feedback> feedback) {

  /** A work order in intake: its status, whether it was closed at the call (直接办结), events not yet published. */
  record Intake(String status, boolean closedDirectly, int pending) {}

  /** A case in dispatch: its state, whether a unit was ever sent it, whether it was ever answered (办结). */
  record Dispatch(String state, boolean dispatched, boolean resolved, int pending) {}

  /**
   * A ticket in feedback: its return visit (null when it has none) and how it ended, and the statistics'
   * figures that count it with the outcome its close was counted as.
   */
  record Feedback(String visit, String outcome, Set<String> figures, String closedAs, int pending) {}
}
