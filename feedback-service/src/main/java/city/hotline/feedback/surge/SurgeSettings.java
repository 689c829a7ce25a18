package city.hotline.feedback.surge;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 突发预警 settings (README: "Proactive governance (未诉先办): surge alerts, the city map, hot spots, 每月一题 and 三率
 * (feedback)"). Checked when the service starts, so a wrong value stops it there rather than the stream thread later.
 *
 * @param enabled off: the service runs without surge detection
 * @param applicationId the Kafka Streams application: its consumer group and the prefix of its internal topics
 * @param stateDir under which each process makes a directory of its own for Kafka Streams' local files (blank: the
 *     system's temporary directory); the state itself is in memory and restored from its changelog at every start
 * @param processingGuarantee exactly_once_v2: a crash neither loses a call nor publishes a surge twice
 * @param window the sliding window calls are counted in, ending at the newest call
 * @param baselineWeeks how many earlier weeks the baseline averages the same window of the week over
 * @param cellDegrees the grid a call's map point is counted in, besides its district
 * @param checkInterval how often open surges are checked for having ended
 * @param maxCalls the most calls a window keeps (its newest) and a surge lists (its first): a window busier than
 *     that counts as this many, so the state and every event stay small however many calls come in. A line above it
 *     (multiple × baseline) can never be reached
 * @param defaultRule the line of a category without a rule of its own
 * @param rules per category code, stricter for what endangers lives
 * @param endRatio a surge ends when its window holds fewer than this × the line it crossed (hysteresis), in (0, 1]
 * @param cooldown after a surge ended its place opens no new one for this long; null: one window
 * @param clockSkew how far ahead of the service clock a call may be dated; a later date counts as now + this
 * @param closeTimeout how long a stop waits for the last transaction to commit (longer: the next start aborts it)
 * @param maxRestarts how many times in a row a failed stream thread is replaced before detection stops (and says so)
 * @param restartPeriod failures further apart than this are not "in a row"
 * @param changelogSegment the changelog topic's segment.ms: compacted this often, so a restore reads little
 * @param changelogDirtyRatio the changelog topic's min.cleanable.dirty.ratio
 */
@ConfigurationProperties("hotline.surge")
public record SurgeSettings(boolean enabled, String applicationId, String stateDir, String processingGuarantee,
    Duration window, int baselineWeeks, double cellDegrees, Duration checkInterval, int maxCalls,
    SurgeRule defaultRule, Map<String, SurgeRule> rules, double endRatio, Duration cooldown, Duration clockSkew,
    Duration closeTimeout, int maxRestarts, Duration restartPeriod, Duration changelogSegment,
    double changelogDirtyRatio) {

  public SurgeSettings {
    rules = rules == null ? Map.of() : Map.copyOf(rules);
    require(window != null && window.toMillis() >= Tally.BUCKETS_PER_WINDOW, "window", "at least 12 ms");
    require(baselineWeeks >= 0, "baseline-weeks", "not negative");
    require(cellDegrees > 0, "cell-degrees", "positive");
    require(positive(checkInterval), "check-interval", "positive");
    require(maxCalls > 0, "max-calls", "positive");
    require(defaultRule != null, "default-rule", "set");
    defaultRule.validate("default-rule");
    rules.forEach((category, rule) -> rule.validate("rules." + category));
    require(endRatio > 0 && endRatio <= 1, "end-ratio", "in (0, 1]");
    cooldown = cooldown == null ? window : cooldown;
    require(!cooldown.isNegative(), "cooldown", "not negative");
    require(clockSkew != null && !clockSkew.isNegative(), "clock-skew", "not negative");
    require(positive(closeTimeout), "close-timeout", "positive");
    require(maxRestarts >= 0, "max-restarts", "not negative");
    require(positive(restartPeriod), "restart-period", "positive");
    require(positive(changelogSegment), "changelog-segment", "positive");
    require(changelogDirtyRatio > 0 && changelogDirtyRatio <= 1, "changelog-dirty-ratio", "in (0, 1]");
  }

  SurgeRule rule(String category) {
    return rules.getOrDefault(category, defaultRule);
  }

  private static boolean positive(Duration duration) {
    return duration != null && !duration.isNegative() && !duration.isZero();
  }

  static void require(boolean valid, String setting, String rule) {
    if (!valid) {
      throw new IllegalArgumentException("hotline.surge." + setting + " must be " + rule);
    }
  }
}
