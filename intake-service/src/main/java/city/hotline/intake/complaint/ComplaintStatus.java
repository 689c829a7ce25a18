package city.hotline.intake.complaint;

/** Where a work order stands as the citizen sees it; follows the case through the other services' events. */
public enum ComplaintStatus {
  REGISTERED, // 受理
  DISPATCHED, // 派单
  AWAITING_MANUAL_DISPATCH, // 待人工派单
  CLAIMED, // 签收
  RESOLVED, // 办结
  CLOSED // 结案
}
