package city.hotline.feedback.surge;

import com.fasterxml.jackson.annotation.JsonAutoDetect;
import com.fasterxml.jackson.annotation.JsonAutoDetect.Visibility;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.TreeMap;

/**
 * The calls of one place (a category in a district, or in one grid cell of it): those in the sliding window ending at
 * the newest call, how many fell in each twelfth of a window over the past weeks (the baseline's history), the surge
 * open there, if any, and until when a surge that ended keeps the place quiet. Kept as JSON in the state store.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
final class Tally {
  static final Duration WEEK = Duration.ofDays(7);
  /** The history's resolution: a window's baseline is off by less than one of these at either edge. */
  static final int BUCKETS_PER_WINDOW = 12;

  private List<Call> calls = new ArrayList<>();
  private TreeMap<Long, Integer> history = new TreeMap<>();
  private OpenSurge surge;
  /** No new surge opens at a window ending before this (the cool-down after the last surge ended). */
  private Instant quietUntil;
  /** Calls up to this time were in a surge that ended: they never open another. */
  private Instant spentUntil;

  /** Counts a call; false when it is already counted (the same event delivered again). */
  boolean record(Call call, SurgeSettings settings) {
    if (holds(call.ticketId())) {
      return false;
    }
    calls.add(call);
    calls.sort(Comparator.comparing(Call::at));
    history.merge(bucket(call.at(), settings), 1, Integer::sum);
    prune(newest(), settings);
    while (calls.size() > settings.maxCalls()) {
      calls.remove(0);
    }
    return true;
  }

  /** Forgets the calls that left the window ending at {@code end}, and history older than the baseline reaches back. */
  void prune(Instant end, SurgeSettings settings) {
    Instant windowStart = end.minus(settings.window());
    calls.removeIf(c -> !c.at().isAfter(windowStart));
    history.headMap(bucket(windowStart.minus(WEEK.multipliedBy(settings.baselineWeeks())), settings)).clear();
  }

  boolean holds(String ticketId) {
    return calls.stream().anyMatch(c -> c.ticketId().equals(ticketId));
  }

  /** The newest call's time: where the window ends. */
  Instant newest() {
    return calls.isEmpty() ? null : calls.get(calls.size() - 1).at();
  }

  /** Calls in the window after {@code windowStart}. */
  long count(Instant windowStart) {
    return calls.stream().filter(c -> c.at().isAfter(windowStart)).count();
  }

  /** Calls after {@code windowStart} that were in no ended surge: those that may open a new one. */
  long fresh(Instant windowStart, Instant spent) {
    Instant from = spent != null && spent.isAfter(windowStart) ? spent : windowStart;
    return count(from);
  }

  /** The tickets of the calls after {@code windowStart}, oldest first. */
  List<String> tickets(Instant windowStart) {
    return calls.stream().filter(c -> c.at().isAfter(windowStart)).map(Call::ticketId).toList();
  }

  /** The open surge's tickets with {@code call}'s in its place by time (calls may come in any order). */
  List<String> withTicket(List<String> tickets, Call call) {
    List<String> joined = new ArrayList<>(tickets);
    int at = joined.size();
    while (at > 0 && isLater(joined.get(at - 1), call.at())) {
      at--;
    }
    joined.add(at, call.ticketId());
    return joined;
  }

  private boolean isLater(String ticketId, Instant than) {
    return calls.stream().anyMatch(c -> c.ticketId().equals(ticketId) && c.at().isAfter(than));
  }

  /**
   * What the window ending at {@code end} usually holds: the mean of the same window one, two, … weeks earlier, over
   * the weeks watched in full since {@code observedSince} (a week before that is unknown, not quiet); none: zero.
   */
  double baseline(Instant end, Instant observedSince, SurgeSettings settings) {
    long sum = 0;
    int weeks = 0;
    for (int k = 1; k <= settings.baselineWeeks(); k++) {
      Instant weekEnd = end.minus(WEEK.multipliedBy(k));
      if (weekEnd.minus(settings.window()).isBefore(observedSince)) {
        break;
      }
      long last = bucket(weekEnd, settings);
      sum += history.subMap(last - BUCKETS_PER_WINDOW, false, last, true).values().stream()
          .mapToLong(Integer::longValue).sum();
      weeks++;
    }
    return weeks == 0 ? 0 : (double) sum / weeks;
  }

  /** Nothing in the window, nothing for a baseline, no surge and no cool-down: the place can be forgotten. */
  boolean idle(Instant now) {
    return calls.isEmpty() && history.isEmpty() && surge == null && !quiet(now);
  }

  /** Within the cool-down of the last surge that ended here. */
  boolean quiet(Instant at) {
    return quietUntil != null && at.isBefore(quietUntil);
  }

  Instant spentUntil() {
    return spentUntil;
  }

  OpenSurge surge() {
    return surge;
  }

  void surge(OpenSurge surge) {
    this.surge = surge;
  }

  /** The open surge is over at {@code now}: its calls are spent and the place keeps quiet for the cool-down. */
  OpenSurge end(Instant now, SurgeSettings settings) {
    OpenSurge ended = surge;
    surge = null;
    quietUntil = now.plus(settings.cooldown());
    spentUntil = newest();
    return ended;
  }

  /** Covered by its district's surge, which ended at {@code now}: quiet as long as the district, its calls spent. */
  void coveredUntil(Instant quietUntil, Instant spentUntil) {
    this.quietUntil = quietUntil;
    this.spentUntil = spentUntil;
  }

  Instant quietUntil() {
    return quietUntil;
  }

  private static long bucket(Instant at, SurgeSettings settings) {
    return Math.floorDiv(at.toEpochMilli(), settings.window().toMillis() / BUCKETS_PER_WINDOW);
  }
}
