package city.hotline.feedback.alert;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param streamPoll how often each replica reads the alerts written since it last looked, for its live streams
 * @param streamHeartbeat how often an idle live stream gets a comment line, so no proxy takes it for dead
 * @param listLimit the most alerts one list answers with
 * @param streamMargin how far back before the latest write it saw a replica reads again: a write that took long to
 *     land, another machine's clock
 * @param streamLifetime how long one live stream lasts; the page then opens another with its current token, so a
 *     signed-out or expired token stops receiving alerts
 */
@ConfigurationProperties("hotline.alerts")
record AlertSettings(Duration streamPoll, Duration streamHeartbeat, int listLimit, Duration streamMargin,
    Duration streamLifetime) {}
