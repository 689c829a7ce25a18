package city.hotline.dispatch.casework;

import java.time.Instant;
import java.util.Collections;
import java.util.EnumSet;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Stream;

/** A case's state in dispatch (SPEC §2). */
public enum CaseState {
  DISPATCHED, // 派单: waiting for the unit to claim it
  AWAITING_MANUAL_DISPATCH, // 待人工派单: no rule matched
  CLAIMED, // 签收
  RETURNED, // 退单: the unit sent it back; waiting at the dispatch desk to be routed by hand
  RESOLVED, // 办结: answered, waiting for the return visit
  CLOSED, // 结案
  MERGED; // 重复件: intake merged the ticket into another open one; that one's unit handles both

  /** The states of a case with a unit that still has work to do on it. */
  public static final Set<CaseState> WITH_UNIT = where(CaseState::withUnit);
  /** The states of a case waiting at the dispatch desk. */
  public static final Set<CaseState> AT_DESK = where(CaseState::atDesk);

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

  private static Set<CaseState> where(Predicate<CaseState> which) {
    Set<CaseState> states = EnumSet.noneOf(CaseState.class);
    Stream.of(values()).filter(which).forEach(states::add);
    return Collections.unmodifiableSet(states);
  }
}
