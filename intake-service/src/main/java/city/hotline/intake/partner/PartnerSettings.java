package city.hotline.intake.partner;

import org.springframework.boot.context.properties.ConfigurationProperties;

/** @param requestsPerMinute Open311 requests one partner's key may make per minute, counted by each replica */
@ConfigurationProperties("hotline.partners")
public record PartnerSettings(int requestsPerMinute) {}
