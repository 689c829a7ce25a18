package city.hotline.feedback.stats;

import city.hotline.feedback.stats.Summary.Rate;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * The 三率 scorecard's settings (documented in application.yml and the README).
 *
 * @param minimumVolume fewer cases dispatched than this: shown, not ranked
 * @param honourRollSize how many are on the 红榜 and on the 黑榜
 */
@ConfigurationProperties("hotline.stats.three-rates")
record ThreeRatesSettings(Weights weights, int minimumVolume, int honourRollSize) {

  ThreeRatesSettings {
    if (minimumVolume < 0 || honourRollSize < 0) {
      throw new IllegalArgumentException("the minimum volume and the honour roll's size must not be negative");
    }
  }

  /** The weights of 响应率, 解决率 and 满意率 in the score. */
  record Weights(double responseRate, double solvedRate, double satisfactionRate) {
    Weights {
      if (responseRate < 0 || solvedRate < 0 || satisfactionRate < 0
          || responseRate + solvedRate + satisfactionRate <= 0) {
        throw new IllegalArgumentException("three-rates weights must be non-negative and not all zero");
      }
    }

    /** 100 × the weighted mean of the rates with something to rate, or null (as for 综合得分). */
    Double score(Rate response, Rate solved, Rate satisfaction) {
      return ScoreWeights.weightedScore(new double[] {responseRate, solvedRate, satisfactionRate},
          response, solved, satisfaction);
    }

    Map<String, Double> asMap() {
      Map<String, Double> map = new LinkedHashMap<>();
      map.put("responseRate", responseRate);
      map.put("solvedRate", solvedRate);
      map.put("satisfactionRate", satisfactionRate);
      return map;
    }
  }
}
