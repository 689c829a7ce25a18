package city.hotline.gateway.traffic;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param requestsPerMinute how many requests one signed-in user may make a minute
 * @param addressRequestsPerMinute how many requests one address may make a minute before sign-in: much more than
 *     a user's, since a whole call centre behind one NAT address loads its pages and signs in at 08:00
 * @param maxBodySize the largest request body the gateway passes on
 * @param maxInFlight how many requests the gateway works on at once; beyond it a request is refused with 503
 * @param busyRetryAfter how long a request refused for being one too many is told to wait
 */
@ConfigurationProperties("hotline.traffic")
public record TrafficSettings(int requestsPerMinute, int addressRequestsPerMinute, DataSize maxBodySize,
    int maxInFlight, Duration busyRetryAfter) {}
