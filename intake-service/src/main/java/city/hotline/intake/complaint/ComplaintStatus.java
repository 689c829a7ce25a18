package city.hotline.intake.complaint;

/** Where a work order stands as the citizen sees it; follows the case through the other services' events. */
public enum ComplaintStatus {
  REGISTERED, // 受理
  DISPATCHED, // 派单
  AWAITING_MANUAL_DISPATCH, // 待人工派单
  RETURNED, // 退单: the unit sent it back; the dispatch desk routes it again
  CLAIMED, // 签收
  RESOLVED, // 办结
  CLOSED, // 结案
  MERGED; // 重复件: merged into an earlier open ticket, whose unit handles both

  /** Still being worked on somewhere: a later call about the same problem is a likely duplicate of it. */
  public boolean isOpen() {
    return this != CLOSED && this != MERGED;
  }

  /** No unit has taken it on yet, so it can still be merged into another ticket without undoing anyone's work. */
  public boolean isMergeable() {
    return this == REGISTERED || this == DISPATCHED || this == AWAITING_MANUAL_DISPATCH || this == RETURNED;
  }
}
