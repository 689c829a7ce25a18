package city.hotline.feedback.stats;

import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param zone whose calendar days the figures are counted in
 * @param defaultPeriodDays the period a summary covers when the caller names none
 */
@ConfigurationProperties("hotline.stats")
public record StatsSettings(ZoneId zone, int defaultPeriodDays) {}
