package city.hotline.dispatch.casework;

/** A case's state in dispatch (SPEC §2). */
public enum CaseState {
  DISPATCHED, // 派单: waiting for the unit to claim it
  AWAITING_MANUAL_DISPATCH, // 待人工派单: no rule matched
  CLAIMED, // 签收
  RESOLVED, // 办结: answered, waiting for the return visit
  CLOSED, // 结案
  MERGED // 重复件: intake merged the ticket into another open one; that one's unit handles both
}
