package city.hotline.feedback.governance;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param beforeWeeks a topic's page tracks its calls from this many weeks before its period
 * @param afterWeeks … to this many after it (or today)
 */
@ConfigurationProperties("hotline.governance-topics")
record TopicSettings(int beforeWeeks, int afterWeeks) {}
