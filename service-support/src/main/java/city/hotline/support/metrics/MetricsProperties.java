package city.hotline.support.metrics;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * How often the samplers behind the operability gauges read their source ({@code hotline.metrics.*}).
 *
 * @param outboxInterval how often each outbox collection is asked for its pending events
 * @param consumerLagInterval how often Kafka is asked how far the service's consumer group lags
 */
@ConfigurationProperties("hotline.metrics")
public record MetricsProperties(Duration outboxInterval, Duration consumerLagInterval) {}
