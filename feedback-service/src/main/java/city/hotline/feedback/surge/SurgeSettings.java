package city.hotline.feedback.surge;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * 突发预警 settings (README: Surge detection).
 *
 * @param applicationId the Kafka Streams application: its consumer group and the prefix of its internal topics
 * @param stateDir where Kafka Streams keeps its local files; blank: a fresh temporary directory per process (the
 *     state itself is in memory and restored from its changelog topic at every start)
 * @param processingGuarantee exactly_once_v2: a crash neither loses a call nor publishes a surge twice
 * @param window the sliding window calls are counted in, ending at the newest call
 * @param baselineWeeks how many earlier weeks the baseline averages the same slot (hour) of the week over
 * @param cellDegrees the grid a call's map point is counted in, besides its district
 * @param checkInterval how often open surges are checked for having fallen below their line
 * @param maxCalls the most calls a window keeps (its newest) and a surge lists (its first): a window busier than
 *     that counts as this many, so the state and every event stay small however many calls come in
 * @param defaultRule the line of a category without a rule of its own
 * @param rules per category code, stricter for what endangers lives
 */
@ConfigurationProperties("hotline.surge")
public record SurgeSettings(boolean enabled, String applicationId, String stateDir, String processingGuarantee,
    Duration window, int baselineWeeks, double cellDegrees, Duration checkInterval, int maxCalls,
    SurgeRule defaultRule, Map<String, SurgeRule> rules) {

  public SurgeSettings {
    rules = rules == null ? Map.of() : Map.copyOf(rules);
  }

  SurgeRule rule(String category) {
    return rules.getOrDefault(category, defaultRule);
  }
}
