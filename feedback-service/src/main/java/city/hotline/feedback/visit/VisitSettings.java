package city.hotline.feedback.visit;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param maxFailedAttempts unanswered calls after which the visit closes as UNREACHABLE (未接通) */
@ConfigurationProperties("hotline.visits")
public record VisitSettings(int maxFailedAttempts) {}
