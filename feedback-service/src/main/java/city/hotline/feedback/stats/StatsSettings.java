package city.hotline.feedback.stats;

import java.time.Duration;
import java.time.ZoneId;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param zone whose calendar days the figures are counted in
 * @param defaultPeriodDays the period a dashboard query covers when the caller names none
 * @param maxPeriodDays the longest period one query may cover
 * @param scoreWeights the ranking's weights (documented in the README)
 * @param rollupInterval how often counted cells are summed into the per-day roll-ups
 * @param refreshInterval how often each replica re-reads the roll-ups that changed
 * @param rebuildHandover during a rebuild, how long to wait for every replica to start writing the new
 *     generation too (several refresh intervals)
 */
@ConfigurationProperties("hotline.stats")
public record StatsSettings(ZoneId zone, int defaultPeriodDays, int maxPeriodDays, ScoreWeights scoreWeights,
    Duration rollupInterval, Duration refreshInterval, Duration rebuildHandover) {}
