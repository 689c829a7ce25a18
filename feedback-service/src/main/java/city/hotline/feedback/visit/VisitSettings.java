package city.hotline.feedback.visit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedAttempts unanswered calls after which the visit closes as UNREACHABLE (未接通)
 * @param maxReopenings how often a dissatisfied citizen sends the case back (重办, SPEC §2: twice); after
 *     that a DISSATISFIED rating closes it
 */
@ConfigurationProperties("hotline.visits")
public record VisitSettings(int maxFailedAttempts, int maxReopenings) {}
