package city.hotline.gateway.traffic;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.util.unit.DataSize;

/**
 * @param requestsPerMinute how many requests one signed-in user may make a minute
 * @param addressRequestsPerMinute how many requests one address may make a minute before sign-in: much more than
 *     a user's, since a whole call centre behind one NAT address loads its pages and signs in at 08:00
 * @param maxBodySize the largest request body the gateway passes on
 * @param maxInFlight how many requests the gateway works on at once; beyond it a request is refused with 503
 * @param busyRetryAfter how long a request refused for being one too many is told to wait
 * @param streams the live streams (server-sent events), which are open for minutes and so have places of their own
 */
@ConfigurationProperties("hotline.traffic")
public record TrafficSettings(int requestsPerMinute, int addressRequestsPerMinute, DataSize maxBodySize,
    int maxInFlight, Duration busyRetryAfter, Streams streams) {

  /**
   * @param paths the paths that answer with a live stream
   * @param max how many live streams the gateway keeps open at once; beyond it one more is refused with 503
   */
  public record Streams(List<String> paths, int max) {}
}
