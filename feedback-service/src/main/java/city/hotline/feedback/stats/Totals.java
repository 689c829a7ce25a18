package city.hotline.feedback.stats;

/** Counters summed over a set of cells: one per figure, and the handling times of the resolved cases. */
final class Totals {
  private final long[] counts = new long[Metric.values().length];
  private final HandlingTimes handling = new HandlingTimes();

  long get(Metric metric) {
    return counts[metric.ordinal()];
  }

  void add(Metric metric, long n) {
    counts[metric.ordinal()] += n;
  }

  void add(Totals other) {
    for (int i = 0; i < counts.length; i++) {
      counts[i] += other.counts[i];
    }
    handling.add(other.handling);
  }

  HandlingTimes handling() {
    return handling;
  }

  /**
   * A unit only has the calls dispatched to it: a call is registered before it has a unit, so for a
   * unit "received" is what it was sent.
   */
  Totals asUnit() {
    Totals unit = new Totals();
    unit.add(this);
    unit.counts[Metric.RECEIVED.ordinal()] = get(Metric.DISPATCHED);
    return unit;
  }
}
