package city.hotline.infra.seed;

import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/** What the seeder did, step by step: how many calls, claims, returns, ratings … and how many steps failed. */
public final class SeedReport {
  private final Map<String, AtomicInteger> counts = new ConcurrentHashMap<>();
  private final Set<String> tickets = ConcurrentHashMap.newKeySet();

  /**
   * A registration intake answered with this ticket. Every planned call is a call of its own, so a
   * ticket given for two of them is counted as a fault ("one ticket for two calls").
   */
  void registered(String ticketId) {
    if (!tickets.add(ticketId)) {
      count("one ticket for two calls");
    }
  }

  /** Every ticket the seeder registered. */
  public Set<String> tickets() {
    return Set.copyOf(tickets);
  }

  void count(String what) {
    counts.computeIfAbsent(what, k -> new AtomicInteger()).incrementAndGet();
  }

  public int get(String what) {
    AtomicInteger n = counts.get(what);
    return n == null ? 0 : n.get();
  }

  /** Every count by name, sorted. */
  public Map<String, Integer> counts() {
    Map<String, Integer> sorted = new TreeMap<>();
    counts.forEach((k, v) -> sorted.put(k, v.get()));
    return sorted;
  }

  @Override
  public String toString() {
    StringBuilder text = new StringBuilder();
    counts().forEach((k, v) -> text.append(String.format("  %-28s %6d%n", k, v)));
    return text.toString();
  }
}
