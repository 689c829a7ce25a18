package city.hotline.intake.duplicate;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param radiusMeters calls about the same category within this distance are likely the same problem
 * @param maxCandidates how many candidates the operator is shown, newest first
 * @param phoneLookback how many of the caller's latest tickets are checked for open ones
 */
@ConfigurationProperties("hotline.duplicates")
public record DuplicateSettings(double radiusMeters, int maxCandidates, int phoneLookback) {}
