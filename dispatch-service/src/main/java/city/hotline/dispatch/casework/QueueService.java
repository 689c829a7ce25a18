package city.hotline.dispatch.casework;

import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Instant;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The queues (SPEC §1): a unit's open cases for its staff, the desk's manual-dispatch, returned,
 * extension and overdue lists for dispatchers, any of them for leaders. Read from {@link OpenWork},
 * filtered, soonest deadline first (cases at the desk: longest waiting first), one page at a time.
 */
@Service
class QueueService {
  private static final Set<CaseState> UNIT_STATES = EnumSet.of(CaseState.DISPATCHED, CaseState.CLAIMED);
  private static final Set<CaseState> DESK_STATES = EnumSet.of(CaseState.AWAITING_MANUAL_DISPATCH, CaseState.RETURNED);
  private static final Comparator<QueueItem> ORDER = Comparator
      .comparing(QueueItem::deadline, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(QueueItem::enteredAt, Comparator.nullsLast(Comparator.naturalOrder()))
      .thenComparing(QueueItem::ticketId);

  private final OpenWork openWork;
  private final CaseWrites writes;

  QueueService(OpenWork openWork, CaseWrites writes) {
    this.openWork = openWork;
    this.writes = writes;
  }

  /** What a queue request asks for; null means "any". */
  record Filter(CaseState state, String unitId, String urgency, String category, Boolean overdue,
      Boolean extensionPending) {
    boolean matches(QueueItem item) {
      return (urgency == null || urgency.equals(item.urgency()))
          && (category == null || category.equals(item.category()))
          && (overdue == null || overdue == item.overdue())
          && (extensionPending == null || extensionPending == (item.extension() != null));
    }
  }

  record Page(List<QueueItem> items, int page, int size, int total) {}

  /** A bureau user's queue is always their own unit's, whatever unit they ask for. */
  Page queue(Caller caller, Filter filter, int page, int size) {
    boolean bureau = caller.has(Role.BUREAU);
    String unitId = bureau ? caller.unitId() : filter.unitId();
    if (bureau && unitId == null) {
      return new Page(List.of(), page, size, 0); // a bureau user without a unit has no queue, never everyone's
    }
    Set<CaseState> states = states(filter.state(), bureau || unitId != null);
    List<String> slots = unitId != null
        ? states.stream().map(s -> OpenWork.slot(unitId, s)).toList()
        : openWork.allSlots().stream().filter(slot -> states.stream().anyMatch(s -> slot.endsWith("|" + s.name())))
            .toList();
    Instant now = writes.now();
    List<QueueItem> matching = openWork.read(slots).stream().map(e -> QueueItem.of(e, now))
        .filter(filter::matches).sorted(ORDER).toList();
    int from = Math.min(page * size, matching.size());
    return new Page(matching.subList(from, Math.min(from + size, matching.size())), page, size, matching.size());
  }

  private static Set<CaseState> states(CaseState requested, boolean oneUnit) {
    Set<CaseState> open = EnumSet.copyOf(UNIT_STATES);
    if (!oneUnit) {
      open.addAll(DESK_STATES);
    }
    if (requested == null) {
      return open;
    }
    if (!open.contains(requested)) {
      throw ApiException.invalid(List.of(new FieldProblem("state", oneUnit
          ? "a unit's queue holds DISPATCHED and CLAIMED cases" : "queues hold open cases: " + open)));
    }
    return EnumSet.of(requested);
  }
}
