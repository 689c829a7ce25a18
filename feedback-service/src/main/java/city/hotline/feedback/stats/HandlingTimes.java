package city.hotline.feedback.stats;

import java.util.Arrays;

/**
 * Handling times (受理 → 办结) of resolved cases as a histogram plus their sum, so the mean is exact
 * and the 90th percentile is known to its bucket from counters alone, for any set of cells.
 */
final class HandlingTimes {
  /** Upper edges of the buckets, in hours; the last bucket is open-ended. */
  static final double[] EDGES_HOURS = {1, 2, 4, 8, 12, 24, 48, 72, 120, 168, 240, 360, 720};
  static final int BUCKETS = EDGES_HOURS.length + 1;

  private final long[] buckets = new long[BUCKETS];
  private long count;
  private long sumSeconds;

  static int bucketOf(long seconds) {
    double hours = seconds / 3600.0;
    for (int i = 0; i < EDGES_HOURS.length; i++) {
      if (hours <= EDGES_HOURS[i]) {
        return i;
      }
    }
    return EDGES_HOURS.length;
  }

  void add(long seconds) {
    buckets[bucketOf(seconds)]++;
    count++;
    sumSeconds += seconds;
  }

  void add(long[] otherBuckets, long otherCount, long otherSum) {
    for (int i = 0; i < BUCKETS && i < otherBuckets.length; i++) {
      buckets[i] += otherBuckets[i];
    }
    count += otherCount;
    sumSeconds += otherSum;
  }

  void add(HandlingTimes other) {
    add(other.buckets, other.count, other.sumSeconds);
  }

  long count() {
    return count;
  }

  long sumSeconds() {
    return sumSeconds;
  }

  long[] buckets() {
    return Arrays.copyOf(buckets, BUCKETS);
  }

  Double meanHours() {
    return count == 0 ? null : sumSeconds / 3600.0 / count;
  }

  /** The upper edge of the bucket holding the 90th percentile (the last edge if it lies beyond). */
  Double p90Hours() {
    if (count == 0) {
      return null;
    }
    long needed = (long) Math.ceil(count * 0.9);
    long seen = 0;
    for (int i = 0; i < EDGES_HOURS.length; i++) {
      seen += buckets[i];
      if (seen >= needed) {
        return EDGES_HOURS[i];
      }
    }
    return EDGES_HOURS[EDGES_HOURS.length - 1];
  }
}
