package city.hotline.feedback.visit;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * @param maxFailedAttempts unanswered calls after which the visit closes as UNREACHABLE (未接通)
 * @param maxReopenings how often a dissatisfied citizen sends the case back (重办, SPEC §2: twice); after
 *     that a DISSATISFIED rating closes it
 * @param linkLifetime how long a citizen's one-time rating link (评价链接) stays usable
 * @param publicUrl where citizens reach the gateway, for the rating links handed out
 * @param noResponseFallback when a CaseResolved carries no return-visit deadline (events from before it was
 *     added), how long after resolution the visit closes as NO_RESPONSE
 * @param clockInterval how often each replica's no-response clock makes a pass
 * @param clockBatchSize how many timed-out visits the no-response clock closes in one pass
 */
@ConfigurationProperties("hotline.visits")
public record VisitSettings(int maxFailedAttempts, int maxReopenings, Duration linkLifetime, String publicUrl,
    Duration noResponseFallback, Duration clockInterval, int clockBatchSize) {}
