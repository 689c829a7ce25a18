package city.hotline.feedback.stats;

import java.time.LocalDate;

/** SPEC §5 figures for a period: counts, and each rate with its numerator and denominator. */
public record Summary(
    LocalDate from,
    LocalDate to,
    long received,
    long dispatched,
    long claimed,
    long closedDirectly,
    long merged,
    long resolved,
    long closed,
    long rated,
    long solved,
    long overdue,
    long returned,
    long reopened,
    long consultations,
    long answeredFromKnowledge,
    Rate claimOnTimeRate,
    Rate resolutionRate,
    Rate onTimeResolutionRate,
    Rate closureRate,
    Rate satisfactionRate,
    Rate solvedRate,
    Rate returnVisitRate,
    Rate returnRate,
    Rate reopenRate,
    Rate knowledgeAnswerRate,
    Handling handlingHours,
    Double score) {

  /** @param rate numerator / denominator, or null when the denominator is 0 (nothing to rate yet) */
  public record Rate(long numerator, long denominator, Double rate) {
    static Rate of(long numerator, long denominator) {
      return new Rate(numerator, denominator, denominator == 0 ? null : (double) numerator / denominator);
    }
  }

  /**
   * 办理时长 from registration to resolution, in hours, over the cases resolved in the period.
   *
   * @param p90 the upper edge of the histogram bucket holding the 90th percentile (1, 2, 4, 8, 12, 24, 48, 72 h, …)
   */
  public record Handling(long count, Double mean, Double p90) {}

  /** 满意率: satisfied or basically satisfied, of the ratings; every figure showing 满意率 takes it from here. */
  static Rate satisfactionOf(Totals t) {
    return Rate.of(t.get(Metric.CONTENT), t.get(Metric.RATED));
  }

  /**
   * 解决率: said solved, of the ratings whose citizen answered 问题是否解决 — the question is optional, so a rating
   * without an answer is neither solved nor unsolved. Every figure showing 解决率 takes it from here.
   */
  static Rate solvedOf(Totals t) {
    return Rate.of(t.get(Metric.SOLVED), t.get(Metric.SOLVED_ANSWERED));
  }

  static Summary of(LocalDate from, LocalDate to, Totals t, ScoreWeights weights) {
    Rate claimOnTime = Rate.of(t.get(Metric.CLAIMED_ON_TIME), t.get(Metric.CLAIMED)); // 按时签收率
    Rate resolution = Rate.of(t.get(Metric.RESOLVED), t.get(Metric.DISPATCHED)); // 办结率
    Rate onTimeResolution = Rate.of(t.get(Metric.RESOLVED_ON_TIME), t.get(Metric.RESOLVED)); // 按时办结率
    Rate closure = Rate.of(t.get(Metric.CLOSED), t.get(Metric.RECEIVED)); // 结案率
    Rate satisfaction = satisfactionOf(t);
    HandlingTimes h = t.handling();
    return new Summary(from, to,
        t.get(Metric.RECEIVED), t.get(Metric.DISPATCHED), t.get(Metric.CLAIMED), t.get(Metric.CLOSED_DIRECTLY),
        t.get(Metric.MERGED), t.get(Metric.RESOLVED), t.get(Metric.CLOSED), t.get(Metric.RATED), t.get(Metric.SOLVED),
        t.get(Metric.OVERDUE), t.get(Metric.RETURNED), t.get(Metric.REOPENED),
        t.get(Metric.CONSULTATIONS), t.get(Metric.ANSWERED_FROM_KNOWLEDGE),
        claimOnTime, resolution, onTimeResolution, closure, satisfaction,
        solvedOf(t),
        Rate.of(t.get(Metric.RATED), t.get(Metric.RESOLVED)), // 回访率
        Rate.of(t.get(Metric.RETURNED), t.get(Metric.DISPATCHED)), // 退单率
        Rate.of(t.get(Metric.REOPENED), t.get(Metric.RESOLVED)), // 重办率
        Rate.of(t.get(Metric.ANSWERED_FROM_KNOWLEDGE), t.get(Metric.CONSULTATIONS)), // 知识库解答率
        new Handling(h.count(), h.meanHours(), h.p90Hours()),
        weights.score(claimOnTime, resolution, onTimeResolution, satisfaction, closure));
  }
}
