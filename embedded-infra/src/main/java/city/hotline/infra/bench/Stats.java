package city.hotline.infra.bench;

import java.util.Arrays;
import java.util.Locale;

/** Percentiles of a set of latencies in nanoseconds (nearest rank), reported in milliseconds. */
final class Stats {
  private final long[] sorted;

  Stats(long[] nanos) {
    this.sorted = nanos.clone();
    Arrays.sort(sorted);
  }

  int count() {
    return sorted.length;
  }

  double percentileMillis(double p) {
    if (sorted.length == 0) {
      return Double.NaN;
    }
    int rank = (int) Math.ceil(p / 100.0 * sorted.length);
    return sorted[Math.max(0, Math.min(sorted.length - 1, rank - 1))] / 1e6;
  }

  double maxMillis() {
    return sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6;
  }

  double meanMillis() {
    return sorted.length == 0 ? Double.NaN : Arrays.stream(sorted).average().orElse(0) / 1e6;
  }

  static String ms(double millis) {
    return Double.isNaN(millis) ? "—" : String.format(Locale.ROOT, millis < 10 ? "%.2f" : "%.1f", millis);
  }
}
