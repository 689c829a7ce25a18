package city.hotline.dispatch.sla;

import java.time.Duration;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Claim (签收) and resolve (办结) time limits per urgency, from application.yml {@code hotline.sla}. */
@ConfigurationProperties("hotline.sla")
public record SlaSettings(Map<String, Duration> claim, Map<String, Duration> resolve) {}
