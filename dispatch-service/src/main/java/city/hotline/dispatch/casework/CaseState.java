package city.hotline.dispatch.casework;

import java.time.Instant;

/** A case's state in dispatch (SPEC §2). */
public enum CaseState {
  DISPATCHED, // 派单: waiting for the unit to claim it
  AWAITING_MANUAL_DISPATCH, // 待人工派单: no rule matched
  CLAIMED, // 签收
  RETURNED, // 退单: the unit sent it back; waiting at the dispatch desk to be routed by hand
  RESOLVED, // 办结: answered, waiting for the return visit
  CLOSED, // 结案
  MERGED; // 重复件: intake merged the ticket into another open one; that one's unit handles both

  /** Waiting at the dispatch desk rather than with a unit. */
  public boolean atDesk() {
    return this == AWAITING_MANUAL_DISPATCH || this == RETURNED;
  }

  /** The deadline a case in this state works against: claiming while dispatched, resolving once claimed. */
  public Instant currentDeadline(Instant claimBy, Instant resolveBy) {
    return this == DISPATCHED ? claimBy : this == CLAIMED ? resolveBy : null;
  }

  /** With a unit that still has work to do on it. */
  public boolean withUnit() {
    return this == DISPATCHED || this == CLAIMED;
  }
}
