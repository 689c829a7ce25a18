package city.hotline.infra;

import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.common.KafkaException;

/** Healthy when the broker answers describeCluster, i.e. it has joined the KRaft quorum and serves clients. */
final class KafkaHealthCheck implements HealthCheck {

    private final String host;
    private final int port;
    private final Duration timeout;

    KafkaHealthCheck(String host, int port, Duration timeout) {
        this.host = host;
        this.port = port;
        this.timeout = timeout;
    }

    @Override
    public boolean isHealthy() {
        if (!PortProbe.isOpen(host, port, timeout)) {
            return false;
        }
        int timeoutMs = Math.toIntExact(timeout.toMillis());
        Map<String, Object> config = Map.of(
                AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, host + ":" + port,
                AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, timeoutMs,
                AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, timeoutMs);
        try (Admin admin = Admin.create(config)) {
            return !admin.describeCluster().nodes().get(timeoutMs, TimeUnit.MILLISECONDS).isEmpty();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        } catch (ExecutionException | TimeoutException | KafkaException e) {
            return false;
        }
    }
}
