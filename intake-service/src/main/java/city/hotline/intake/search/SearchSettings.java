package city.hotline.intake.search;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param defaultDays the period searched when no {@code from} is given, ending today
 * @param maxDays the longest period one search may cover
 * @param textScanLimit how many of the newest key-matched work orders a word search reads at most
 */
@ConfigurationProperties("hotline.search")
public record SearchSettings(int defaultDays, int maxDays, int textScanLimit) {}
