package city.hotline.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** TCP ports of every process of the system. */
public record Ports(
        int kafka,
        int kafkaController,
        int intakeMongo,
        int dispatchMongo,
        int feedbackMongo,
        int gatewayMongo,
        int gateway,
        int intake,
        int dispatch,
        int feedback,
        int gatewayManagement,
        int prometheus,
        int kafkaMetrics,
        int intakeMongoMetrics,
        int dispatchMongoMetrics,
        int feedbackMongoMetrics,
        int gatewayMongoMetrics) {

    public static final int DEFAULT_KAFKA = 9092;
    public static final int DEFAULT_KAFKA_CONTROLLER = 9093;
    public static final int DEFAULT_INTAKE_MONGO = 27018;
    public static final int DEFAULT_DISPATCH_MONGO = 27019;
    public static final int DEFAULT_FEEDBACK_MONGO = 27020;
    public static final int DEFAULT_GATEWAY_MONGO = 27021;
    public static final int DEFAULT_GATEWAY = 8080;
    public static final int DEFAULT_INTAKE = 8081;
    public static final int DEFAULT_DISPATCH = 8082;
    public static final int DEFAULT_FEEDBACK = 8083;
    /** The gateway's actuator (health, metrics): never on its public port. */
    public static final int DEFAULT_GATEWAY_MANAGEMENT = 8090;
    /** Only used when Prometheus is started with the system ({@code ./hotline up --with-prometheus}). */
    public static final int DEFAULT_PROMETHEUS = 9090;
    /**
     * Prometheus text at /metrics of the broker's and the stores' JVMs, on loopback like the processes themselves.
     * Out of the way of Kafka's, Prometheus' and the services' defaults.
     */
    public static final int DEFAULT_KAFKA_METRICS = 9301;
    public static final int DEFAULT_INTAKE_MONGO_METRICS = 9302;
    public static final int DEFAULT_DISPATCH_MONGO_METRICS = 9303;
    public static final int DEFAULT_FEEDBACK_MONGO_METRICS = 9304;
    public static final int DEFAULT_GATEWAY_MONGO_METRICS = 9305;

    private static final int PORT_COUNT = 17;

    public static Ports defaults() {
        return fromEnvironment(Map.of());
    }

    /**
     * Reads KAFKA_PORT, KAFKA_CONTROLLER_PORT, INTAKE_MONGO_PORT, ..., FEEDBACK_PORT, GATEWAY_MANAGEMENT_PORT and
     * PROMETHEUS_PORT, KAFKA_METRICS_PORT and INTAKE_MONGO_METRICS_PORT ... GATEWAY_MONGO_METRICS_PORT; missing ones get
     * the defaults.
     */
    public static Ports fromEnvironment(Map<String, String> env) {
        return new Ports(
                port(env, "KAFKA_PORT", DEFAULT_KAFKA),
                port(env, "KAFKA_CONTROLLER_PORT", DEFAULT_KAFKA_CONTROLLER),
                port(env, "INTAKE_MONGO_PORT", DEFAULT_INTAKE_MONGO),
                port(env, "DISPATCH_MONGO_PORT", DEFAULT_DISPATCH_MONGO),
                port(env, "FEEDBACK_MONGO_PORT", DEFAULT_FEEDBACK_MONGO),
                port(env, "GATEWAY_MONGO_PORT", DEFAULT_GATEWAY_MONGO),
                port(env, "GATEWAY_PORT", DEFAULT_GATEWAY),
                port(env, "INTAKE_PORT", DEFAULT_INTAKE),
                port(env, "DISPATCH_PORT", DEFAULT_DISPATCH),
                port(env, "FEEDBACK_PORT", DEFAULT_FEEDBACK),
                port(env, "GATEWAY_MANAGEMENT_PORT", DEFAULT_GATEWAY_MANAGEMENT),
                port(env, "PROMETHEUS_PORT", DEFAULT_PROMETHEUS),
                port(env, "KAFKA_METRICS_PORT", DEFAULT_KAFKA_METRICS),
                port(env, "INTAKE_MONGO_METRICS_PORT", DEFAULT_INTAKE_MONGO_METRICS),
                port(env, "DISPATCH_MONGO_METRICS_PORT", DEFAULT_DISPATCH_MONGO_METRICS),
                port(env, "FEEDBACK_MONGO_METRICS_PORT", DEFAULT_FEEDBACK_MONGO_METRICS),
                port(env, "GATEWAY_MONGO_METRICS_PORT", DEFAULT_GATEWAY_MONGO_METRICS));
    }

    /**
     * A distinct port for each of the above that is free right now, so tests can run next to a system started with
     * the defaults.
     * All sockets stay open until every port is chosen, otherwise the OS could hand out the same port twice.
     */
    public static Ports allocateFree() {
        List<ServerSocket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < PORT_COUNT; i++) {
                ServerSocket socket = new ServerSocket();
                sockets.add(socket);
                socket.bind(new InetSocketAddress(0));
            }
            int[] p = sockets.stream().mapToInt(ServerSocket::getLocalPort).toArray();
            return new Ports(p[0], p[1], p[2], p[3], p[4], p[5], p[6], p[7], p[8], p[9], p[10], p[11],
                    p[12], p[13], p[14], p[15], p[16]);
        } catch (IOException e) {
            throw new UncheckedIOException("could not allocate free ports", e);
        } finally {
            sockets.forEach(Ports::closeQuietly);
        }
    }

    private static int port(Map<String, String> env, String name, int defaultPort) {
        String value = env.get(name);
        if (value == null || value.isBlank()) {
            return defaultPort;
        }
        try {
            return Integer.parseInt(value.trim());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a port number: " + value, e);
        }
    }

    private static void closeQuietly(ServerSocket socket) {
        try {
            socket.close();
        } catch (IOException ignored) {
            // the port was only reserved for a moment; nothing to clean up
        }
    }
}
