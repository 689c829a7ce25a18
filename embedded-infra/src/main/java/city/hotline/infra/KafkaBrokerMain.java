package city.hotline.infra;

import java.io.IOException;
import java.util.Arrays;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Kafka's own entry point ({@code kafka.Kafka}) with a metrics endpoint beside it:
 * {@code KafkaBrokerMain [--metrics-port M] server.properties}. With {@code --metrics-port}, Prometheus text at
 * {@code http://127.0.0.1:M/metrics} ({@link KafkaBrokerMetrics} and the JVM's); without it, exactly
 * {@code kafka.Kafka}. Kafka ships a JMX reporter but no Prometheus one, and a JMX exporter agent would be one
 * more download; reading a handful of MBeans in-process is enough for a dev system.
 */
public final class KafkaBrokerMain {

    /** A constant, so callers can name this class without loading it (and the broker). */
    static final String MAIN_CLASS = "city.hotline.infra.KafkaBrokerMain";
    static final String METRICS_PORT = "--metrics-port";

    private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerMain.class);
    private static final int EXIT_FAILED = 1;

    private KafkaBrokerMain() {
    }

    public static void main(String[] args) {
        String[] kafkaArgs = args;
        MetricsEndpoint metrics = null;
        if (args.length >= 2 && args[0].equals(METRICS_PORT)) {
            kafkaArgs = Arrays.copyOfRange(args, 2, args.length);
            try {
                metrics = metrics(Integer.parseInt(args[1]));
            } catch (IOException | RuntimeException e) {
                LOG.error("Kafka's metrics endpoint could not start", e);
                System.exit(EXIT_FAILED);
                return;
            }
        }
        try {
            // Returns when the broker has shut down (if Kafka does not exit the JVM itself first).
            kafka.Kafka.main(kafkaArgs);
        } finally {
            if (metrics != null) {
                metrics.close();
            }
        }
    }

    private static MetricsEndpoint metrics(int port) throws IOException {
        var registry = MetricsEndpoint.jvmRegistry();
        KafkaBrokerMetrics.bind(registry);
        MetricsEndpoint endpoint = MetricsEndpoint.start(Settings.BIND_HOST, port, registry);
        LOG.info("Metrics of the broker at http://{}:{}{}", Settings.BIND_HOST, endpoint.port(), MetricsEndpoint.PATH);
        return endpoint;
    }
}
