package city.hotline.dispatch.casework;

import java.util.Set;

/** The transitions a case can take and the states each is allowed from; anything else is a 409. */
public enum CaseAction {
  CLAIM(Set.of(CaseState.DISPATCHED), CaseState.CLAIMED), // 签收
  RESOLVE(Set.of(CaseState.CLAIMED), CaseState.RESOLVED), // 办结
  CLOSE(Set.of(CaseState.RESOLVED), CaseState.CLOSED), // 结案, after the return visit
  // 重复件: withdrawn only while no unit has claimed it (intake's rule too); a claimed case keeps its course
  MERGE(Set.of(CaseState.DISPATCHED, CaseState.AWAITING_MANUAL_DISPATCH), CaseState.MERGED);

  private final Set<CaseState> from;
  private final CaseState to;

  CaseAction(Set<CaseState> from, CaseState to) {
    this.from = from;
    this.to = to;
  }

  public Set<CaseState> from() {
    return from;
  }

  public CaseState to() {
    return to;
  }

  public boolean allowedFrom(CaseState state) {
    return from.contains(state);
  }

  /** The message a user gets when the case is in the wrong state for this action. */
  public String refusal(String ticketId, CaseState current) {
    return "Case " + ticketId + " is " + current + "; " + name().toLowerCase() + " is allowed only when " + from;
  }
}
