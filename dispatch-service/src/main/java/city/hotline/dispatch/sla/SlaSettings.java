package city.hotline.dispatch.sla;

import java.time.Duration;
import java.util.Map;
import java.util.Set;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Claim (签收) and resolve (办结) time limits per urgency, from application.yml {@code hotline.sla}.
 *
 * @param naturalTime the urgencies whose limits run around the clock (紧急); the others count working time
 */
@ConfigurationProperties("hotline.sla")
public record SlaSettings(Set<String> naturalTime, Map<String, Duration> claim, Map<String, Duration> resolve) {}
