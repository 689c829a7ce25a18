package city.hotline.gateway.traffic;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param requestsPerMinute how many requests one user (or, before sign-in, one address) may make a minute
 * @param maxBodySize the largest request body the gateway passes on
 */
@ConfigurationProperties("hotline.traffic")
public record TrafficSettings(int requestsPerMinute, DataSize maxBodySize) {}
