package city.hotline.dispatch.casework;

import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.bson.conversions.Bson;
import org.springframework.stereotype.Service;

/**
 * The queues (SPEC §1): a unit's open cases for its staff, the desk's manual-dispatch, returned,
 * extension and overdue lists for dispatchers, any of them for leaders. Queries on the cases: those with
 * a unit first, soonest deadline first, then those at the desk (no deadline runs there), longest waiting
 * first; one page at a time.
 */
@Service
class QueueService {
  private static final Set<CaseState> UNIT_STATES = CaseState.WITH_UNIT;
  private static final Set<CaseState> DESK_STATES = CaseState.AT_DESK;

  private final CaseRepository cases;
  private final Clock clock;

  QueueService(CaseRepository cases, Clock clock) {
    this.cases = cases;
    this.clock = clock;
  }

  /** What a queue request asks for; null means "any". */
  record Filter(CaseState state, String unitId, String urgency, String category, Boolean overdue,
      Boolean extensionPending) {
    /** The conditions besides the state; the unit comes first, the prefix of the unit's queue index. */
    List<Bson> conditions(String unit, Instant now) {
      List<Bson> all = new ArrayList<>();
      if (unit != null) {
        all.add(Filters.eq(Case.UNIT_ID, unit));
      }
      if (urgency != null) {
        all.add(Filters.eq(Case.URGENCY, urgency));
      }
      if (category != null) {
        all.add(Filters.eq(Case.CATEGORY, category));
      }
      if (overdue != null) {
        Bson past = Filters.lt(Case.DEADLINE, now);
        all.add(overdue ? past : Filters.not(past));
      }
      if (extensionPending != null) {
        all.add(extensionPending ? Filters.eq(Case.EXTENSION_STATUS, ExtensionStatus.PENDING)
            : Filters.ne(Case.EXTENSION_STATUS, ExtensionStatus.PENDING));
      }
      return all;
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
    Instant now = clock.instant();
    List<Bson> conditions = filter.conditions(unitId, now);
    List<QueueItem> items = new ArrayList<>();
    long skip = (long) page * size;
    long total = 0;
    for (Set<CaseState> part : List.of(only(states, UNIT_STATES), only(states, DESK_STATES))) {
      if (part.isEmpty()) {
        continue;
      }
      long count = cases.count(part, conditions);
      long from = Math.max(0, skip - total);
      int wanted = size - items.size();
      if (wanted > 0 && from < count) {
        cases.page(part, conditions, (int) from, wanted).forEach(c -> items.add(QueueItem.of(c, now)));
      }
      total += count;
    }
    return new Page(items, page, size, (int) total);
  }

  private static Set<CaseState> only(Set<CaseState> states, Set<CaseState> among) {
    Set<CaseState> part = EnumSet.noneOf(CaseState.class);
    part.addAll(states);
    part.retainAll(among);
    return part;
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
