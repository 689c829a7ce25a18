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
 * the newest call, how many fell in each window-long slot of the past weeks (with a one-hour window: each hour of the
 * week) for the baseline, and the surge open there, if any. Kept as JSON in the state store.
 */
@JsonAutoDetect(fieldVisibility = Visibility.ANY, getterVisibility = Visibility.NONE,
    isGetterVisibility = Visibility.NONE)
final class Tally {
  static final Duration WEEK = Duration.ofDays(7);

  private List<Call> calls = new ArrayList<>();
  private TreeMap<Long, Integer> history = new TreeMap<>();
  private OpenSurge surge;

  /** Counts a call; false when it is already counted (the same event delivered again). */
  boolean record(Call call, SurgeSettings settings) {
    if (holds(call.ticketId())) {
      return false;
    }
    calls.add(call);
    calls.sort(Comparator.comparing(Call::at));
    history.merge(slot(call.at(), settings.window()), 1, Integer::sum);
    prune(newest(), settings);
    while (calls.size() > settings.maxCalls()) {
      calls.remove(0);
    }
    return true;
  }

  /** Forgets the calls that left the window ending at {@code end}, and slots older than the baseline reaches back. */
  void prune(Instant end, SurgeSettings settings) {
    Instant windowStart = end.minus(settings.window());
    calls.removeIf(c -> !c.at().isAfter(windowStart));
    history.headMap(slot(end.minus(WEEK.multipliedBy(settings.baselineWeeks() + 1L)), settings.window())).clear();
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

  /** The calls in the window, oldest first. */
  List<Call> calls() {
    return List.copyOf(calls);
  }

  /** Their tickets. */
  List<String> tickets() {
    return calls.stream().map(Call::ticketId).toList();
  }

  /** What the window ending at {@code end} usually holds: the mean of the same slot one, two, … weeks earlier. */
  double baseline(Instant end, SurgeSettings settings) {
    int weeks = settings.baselineWeeks();
    long sum = 0;
    for (int k = 1; k <= weeks; k++) {
      sum += history.getOrDefault(slot(end.minus(WEEK.multipliedBy(k)), settings.window()), 0);
    }
    return weeks == 0 ? 0 : (double) sum / weeks;
  }

  /** Nothing in the window, nothing for a baseline and no surge: the place can be forgotten. */
  boolean idle() {
    return calls.isEmpty() && history.isEmpty() && surge == null;
  }

  OpenSurge surge() {
    return surge;
  }

  void surge(OpenSurge surge) {
    this.surge = surge;
  }

  private static long slot(Instant at, Duration window) {
    return Math.floorDiv(at.toEpochMilli(), window.toMillis());
  }
}
