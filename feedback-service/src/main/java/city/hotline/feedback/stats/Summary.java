package city.hotline.feedback.stats;

import java.time.LocalDate;
import java.util.Map;

/** SPEC §5 figures for a period: counts, and each rate with its numerator and denominator. */
public record Summary(
    LocalDate from,
    LocalDate to,
    long received,
    long dispatched,
    long closedDirectly,
    long merged,
    long resolved,
    long closed,
    long rated,
    long overdue,
    Rate claimOnTimeRate,
    Rate resolutionRate,
    Rate onTimeResolutionRate,
    Rate closureRate,
    Rate satisfactionRate,
    Rate returnRate,
    Rate reopenRate) {

  /** @param rate numerator / denominator, or null when the denominator is 0 (nothing to rate yet) */
  public record Rate(long numerator, long denominator, Double rate) {
    static Rate of(long numerator, long denominator) {
      return new Rate(numerator, denominator, denominator == 0 ? null : (double) numerator / denominator);
    }
  }

  static Summary of(LocalDate from, LocalDate to, Map<Metric, Long> t) {
    return new Summary(from, to,
        t.get(Metric.RECEIVED), t.get(Metric.DISPATCHED), t.get(Metric.CLOSED_DIRECTLY), t.get(Metric.MERGED),
        t.get(Metric.RESOLVED), t.get(Metric.CLOSED), t.get(Metric.RATED), t.get(Metric.OVERDUE),
        Rate.of(t.get(Metric.CLAIMED_ON_TIME), t.get(Metric.CLAIMED)),
        Rate.of(t.get(Metric.RESOLVED), t.get(Metric.DISPATCHED)),
        Rate.of(t.get(Metric.RESOLVED_ON_TIME), t.get(Metric.RESOLVED)),
        Rate.of(t.get(Metric.CLOSED), t.get(Metric.RECEIVED)),
        Rate.of(t.get(Metric.CONTENT), t.get(Metric.RATED)),
        Rate.of(t.get(Metric.RETURNED), t.get(Metric.DISPATCHED)), // 退单率
        Rate.of(t.get(Metric.REOPENED), t.get(Metric.RESOLVED))); // 重办率
  }
}
