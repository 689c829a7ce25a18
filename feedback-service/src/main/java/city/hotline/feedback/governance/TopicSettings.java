package city.hotline.feedback.governance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param beforeWeeks a topic's page tracks its calls from this many weeks before its period (0: from its first week)
 * @param afterWeeks … to this many after it (or today)
 */
@ConfigurationProperties("hotline.governance-topics")
record TopicSettings(int beforeWeeks, int afterWeeks) {

  TopicSettings {
    if (beforeWeeks < 0 || afterWeeks < 0) {
      throw new IllegalArgumentException("hotline.governance-topics before-weeks and after-weeks must not be negative");
    }
  }
}
