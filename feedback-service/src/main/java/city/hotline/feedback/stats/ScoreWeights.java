package city.hotline.feedback.stats;

import city.hotline.feedback.stats.Summary.Rate;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The ranking's weighted score (综合得分), 0–100: the weighted mean of five rates, each a fraction.
 * A rate with nothing to rate (denominator 0) is left out and the others' weights are scaled up,
 * so a district is never punished or rewarded for what it had no cases of; with none, no score.
 */
record ScoreWeights(double claimOnTimeRate, double resolutionRate, double onTimeResolutionRate,
    double satisfactionRate, double closureRate) {

  ScoreWeights {
    if (claimOnTimeRate < 0 || resolutionRate < 0 || onTimeResolutionRate < 0 || satisfactionRate < 0
        || closureRate < 0 || claimOnTimeRate + resolutionRate + onTimeResolutionRate + satisfactionRate + closureRate <= 0) {
      throw new IllegalArgumentException("score weights must be non-negative and not all zero");
    }
  }

  Double score(Rate claimOnTime, Rate resolution, Rate onTimeResolution, Rate satisfaction, Rate closure) {
    return weightedScore(new double[] {claimOnTimeRate, resolutionRate, onTimeResolutionRate, satisfactionRate,
        closureRate}, claimOnTime, resolution, onTimeResolution, satisfaction, closure);
  }

  /**
   * 100 × the weighted mean of the rates that have something to rate, or null if none has: the rule of every score
   * (综合得分, the 三率 score).
   */
  static Double weightedScore(double[] weights, Rate... rates) {
    double weighted = 0;
    double total = 0;
    for (int i = 0; i < rates.length; i++) {
      if (rates[i].rate() != null && weights[i] > 0) {
        weighted += weights[i] * rates[i].rate();
        total += weights[i];
      }
    }
    return total == 0 ? null : 100 * weighted / total;
  }

  Map<String, Double> asMap() {
    Map<String, Double> map = new LinkedHashMap<>();
    map.put("claimOnTimeRate", claimOnTimeRate);
    map.put("resolutionRate", resolutionRate);
    map.put("onTimeResolutionRate", onTimeResolutionRate);
    map.put("satisfactionRate", satisfactionRate);
    map.put("closureRate", closureRate);
    return map;
  }
}
