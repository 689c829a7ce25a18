package city.hotline.dispatch.casework;

import static city.hotline.dispatch.casework.CaseState.AWAITING_MANUAL_DISPATCH;
import static city.hotline.dispatch.casework.CaseState.CLAIMED;
import static city.hotline.dispatch.casework.CaseState.CLOSED;
import static city.hotline.dispatch.casework.CaseState.DISPATCHED;
import static city.hotline.dispatch.casework.CaseState.MERGED;
import static city.hotline.dispatch.casework.CaseState.RESOLVED;
import static city.hotline.dispatch.casework.CaseState.RETURNED;

import java.util.Set;

/**
 * Everything that can happen to a case and the states each is allowed from (SPEC §2); anything else
 * is a 409. Actions without a target state leave the state as it is and are kept in the audit trail.
 */
public enum CaseAction {
  CLAIM(Set.of(DISPATCHED), CLAIMED), // 签收
  RESOLVE(Set.of(CLAIMED), RESOLVED), // 办结
  CLOSE(Set.of(RESOLVED), CLOSED), // 结案, after the return visit
  // 重复件: withdrawn only while no unit has claimed it (intake's rule too); a claimed case keeps its course
  MERGE(Set.of(DISPATCHED, AWAITING_MANUAL_DISPATCH, RETURNED), MERGED),
  RETURN(Set.of(DISPATCHED, CLAIMED), RETURNED), // 退单: back to the dispatch desk
  DISPATCH(Set.of(AWAITING_MANUAL_DISPATCH, RETURNED, DISPATCHED), DISPATCHED), // 人工派单 / 改派, before any claim
  REOPEN(Set.of(RESOLVED), DISPATCHED), // 重办: back to the same unit, to be claimed again
  REQUEST_EXTENSION(Set.of(CLAIMED), null), // 延期申请
  DECIDE_EXTENSION(Set.of(CLAIMED), null), // 延期审批
  PRESS(Set.of(DISPATCHED, CLAIMED), null), // 督办
  MARK_OVERDUE(Set.of(DISPATCHED, CLAIMED), null); // 超期

  private final Set<CaseState> from;
  private final CaseState to;

  CaseAction(Set<CaseState> from, CaseState to) {
    this.from = from;
    this.to = to;
  }

  public Set<CaseState> from() {
    return from;
  }

  /** The state after the action taken from {@code current}. */
  public CaseState result(CaseState current) {
    return to == null ? current : to;
  }

  public boolean changesState() {
    return to != null;
  }

  public boolean allowedFrom(CaseState state) {
    return from.contains(state);
  }

  /** The message a user gets when the case is in the wrong state for this action. */
  public String refusal(String ticketId, CaseState current) {
    return "Case " + ticketId + " is " + current + "; " + name().toLowerCase().replace('_', ' ')
        + " is allowed only when " + from;
  }
}
