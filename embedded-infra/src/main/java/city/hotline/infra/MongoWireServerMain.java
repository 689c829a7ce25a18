package city.hotline.infra;

import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A MongoDB wire-protocol server (de.bwaldvogel mongo-java-server) persisting to an H2 MVStore file.
 *
 * <p>{@code MongoWireServerMain --port N --file /path/to/store.mv [--host 127.0.0.1] [--fsync true|false]
 * [--ttl-monitor-interval SECONDS]}: a write is answered once it is in the file; with {@code --fsync true} once it is
 * on the disk. Every {@code --ttl-monitor-interval} seconds (60) it deletes the documents its TTL indexes expire.
 *
 * <p>With {@code --metrics-port M} it also serves Prometheus text at {@code http://host:M/metrics} ({@link StoreMetrics}
 * and the JVM's); without it, no metrics port is opened.
 */
public final class MongoWireServerMain {

    /** A constant, so callers can name this class without loading it (and its optional dependencies). */
    static final String MAIN_CLASS = "city.hotline.infra.MongoWireServerMain";

    private static final Logger LOG = LoggerFactory.getLogger(MongoWireServerMain.class);
    private static final int EXIT_FAILED = 1;
    private static final int EXIT_USAGE = 2;

    private MongoWireServerMain() {
    }

    public static void main(String[] args) {
        Options options;
        try {
            options = Options.parse(args);
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println("usage: MongoWireServerMain --port N --file /path/to/store.mv [--host "
                    + Settings.BIND_HOST + "] [--fsync true|false] [--ttl-monitor-interval SECONDS]"
                    + " [--metrics-port M]");
            System.exit(EXIT_USAGE);
            return;
        }
        try {
            start(options);
        } catch (IOException | RuntimeException e) {
            // Netty threads may already be running and would keep a half-started JVM alive.
            LOG.error("Mongo wire server could not start", e);
            System.exit(EXIT_FAILED);
        }
    }

    private static void start(Options options) throws IOException {
        Path parent = options.file().toAbsolutePath().getParent();
        Files.createDirectories(parent);
        KeyedH2Backend backend = new KeyedH2Backend(options.file().toString(), options.fsync(),
                options.ttlMonitorInterval());
        // Metrics first: once the store answers its health check, its metrics answer too.
        MetricsEndpoint metrics = null;
        MongoServer server = new MongoServer(backend);
        try {
            metrics = options.metricsPort() == null ? null : metrics(options, backend);
            server.bind(options.host(), options.port());
        } catch (IOException | RuntimeException e) {
            if (metrics != null) {
                metrics.close();
            }
            backend.close();
            throw e;
        }
        MetricsEndpoint started = metrics;
        // shutdown() stops accepting connections and then closes the backend, which commits and closes the store.
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            LOG.info("Shutting down, closing {}", options.file());
            if (started != null) {
                started.close();
            }
            server.shutdown();
            LOG.info("Store closed");
        }, "mongo-wire-shutdown"));
        LOG.info("Mongo wire server listening on {}:{} with store {} (fsync {}, TTL monitor every {})", options.host(),
                options.port(), options.file(), options.fsync(), options.ttlMonitorInterval());
    }

    private static MetricsEndpoint metrics(Options options, KeyedH2Backend backend) throws IOException {
        var registry = MetricsEndpoint.jvmRegistry();
        String store = StoreMetrics.storeName(options.file());
        StoreMetrics.bind(registry, store, backend, options.file());
        MetricsEndpoint endpoint = MetricsEndpoint.start(options.host(), options.metricsPort(), registry);
        LOG.info("Metrics of store {} at http://{}:{}{}", store, options.host(), endpoint.port(), MetricsEndpoint.PATH);
        return endpoint;
    }

    /** {@code metricsPort} is null when no metrics are served. */
    private record Options(String host, int port, Path file, boolean fsync, Duration ttlMonitorInterval,
            Integer metricsPort) {

        static Options parse(String[] args) {
            String host = Settings.BIND_HOST;
            Integer port = null;
            Path file = null;
            boolean fsync = false;
            Duration ttlMonitorInterval = Settings.DEFAULT_STORE_TTL_MONITOR_INTERVAL;
            Integer metricsPort = null;
            for (int i = 0; i < args.length; i += 2) {
                if (i + 1 >= args.length) {
                    throw new IllegalArgumentException("missing value for " + args[i]);
                }
                String value = args[i + 1];
                switch (args[i]) {
                    case "--host" -> host = value;
                    case "--port" -> port = parsePort("--port", value);
                    case "--metrics-port" -> metricsPort = parsePort("--metrics-port", value);
                    case "--file" -> file = Path.of(value);
                    case "--fsync" -> fsync = parseFlag(value);
                    case "--ttl-monitor-interval" -> ttlMonitorInterval = parseSeconds("--ttl-monitor-interval", value);
                    default -> throw new IllegalArgumentException("unknown option " + args[i]);
                }
            }
            if (port == null || file == null) {
                throw new IllegalArgumentException("--port and --file are required");
            }
            return new Options(host, port, file, fsync, ttlMonitorInterval, metricsPort);
        }

        private static boolean parseFlag(String value) {
            if (!value.equals("true") && !value.equals("false")) {
                throw new IllegalArgumentException("--fsync is true or false, not " + value);
            }
            return Boolean.parseBoolean(value);
        }

        private static Duration parseSeconds(String option, String value) {
            long seconds;
            try {
                seconds = Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " is not a number: " + value, e);
            }
            if (seconds <= 0) {
                throw new IllegalArgumentException(option + " is a number of seconds above 0, not " + value);
            }
            return Duration.ofSeconds(seconds);
        }

        private static int parsePort(String option, String value) {
            try {
                return Integer.parseInt(value);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(option + " is not a number: " + value, e);
            }
        }
    }
}
