package city.hotline.feedback.governance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param beforeWeeks a topic's page tracks its calls from this many weeks before its period (0: from its first week)
 * @param afterWeeks … to this many after it (or today)
 * @param maxPeriodDays the longest period a topic may cover, both days included
 * @param listLimit how many topics the list shows at most, newest first
 */
@ConfigurationProperties("hotline.governance-topics")
record TopicSettings(int beforeWeeks, int afterWeeks, int maxPeriodDays, int listLimit) {

  TopicSettings {
    if (beforeWeeks < 0 || afterWeeks < 0) {
      throw new IllegalArgumentException("hotline.governance-topics before-weeks and after-weeks must not be negative");
    }
    if (maxPeriodDays <= 0 || listLimit <= 0) {
      throw new IllegalArgumentException("hotline.governance-topics max-period-days and list-limit must be at least 1");
    }
  }
}
