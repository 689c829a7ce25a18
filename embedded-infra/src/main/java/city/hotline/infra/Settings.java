package city.hotline.infra;

import java.io.File;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Everything the orchestrator needs to know: where the repo and the data live, which java to use, ports, heaps and
 * timeouts. Build it with {@link #fromEnvironment()} (what {@code ./hotline} does) or {@link #defaults(Path, Path)}
 * plus the {@code with*} methods (what a test does).
 *
 * @param repoRoot       folder holding {@code <module>/target/<module>.jar} and {@code embedded-infra/target/lib}
 * @param home           folder for data, logs, pid files and the Kafka config ({@code HOTLINE_HOME})
 * @param java           java executable for every child process ({@code HOTLINE_JAVA})
 * @param ports          ports of every process
 * @param serviceHeap    -Xmx of each Spring Boot service ({@code HOTLINE_SERVICE_HEAP})
 * @param kafkaHeap      -Xmx of the Kafka broker ({@code HOTLINE_KAFKA_HEAP})
 * @param mongoHeap      -Xmx of each Mongo wire server ({@code HOTLINE_MONGO_HEAP})
 * @param startupTimeout how long each process may take to become healthy ({@code HOTLINE_STARTUP_TIMEOUT_SECONDS})
 * @param extraServiceEnv additional environment variables for the four services, e.g. test switches
 * @param infraJvmOptions extra options for the Kafka and Mongo-wire JVMs, after the defaults so they win
 *                       ({@code HOTLINE_INFRA_JVM_OPTIONS}, space-separated; the benchmark's full JIT:
 *                       {@code -XX:TieredStopAtLevel=4})
 * @param storeFsync     whether each Mongo wire server forces every commit to the disk before it answers
 *                       ({@code HOTLINE_STORE_FSYNC}, default true): without it a write survives a killed process
 *                       but not a power loss
 * @param storeTtlMonitorInterval how often each Mongo wire server deletes the documents its TTL indexes expire
 *                       ({@code HOTLINE_STORE_TTL_MONITOR_SECONDS}, default 60 as mongod's {@code ttlMonitorSleepSecs})
 * @param withPrometheus whether {@link EmbeddedSystem#up()} also starts Prometheus on the system
 *                       ({@code ./hotline up --with-prometheus} or {@code HOTLINE_WITH_PROMETHEUS}, default false)
 * @param prometheus     the Prometheus executable ({@code HOTLINE_PROMETHEUS}; default the first {@code prometheus}
 *                       on the PATH, else Debian's {@value #DEFAULT_PROMETHEUS})
 */
public record Settings(
        Path repoRoot,
        Path home,
        String java,
        Ports ports,
        String serviceHeap,
        String kafkaHeap,
        String mongoHeap,
        Duration startupTimeout,
        Map<String, String> extraServiceEnv,
        List<String> infraJvmOptions,
        boolean storeFsync,
        Duration storeTtlMonitorInterval,
        boolean withPrometheus,
        String prometheus) {

    public static final String DEFAULT_HOME_FOLDER = ".hotline";
    public static final String DEFAULT_SERVICE_HEAP = "384m";
    public static final String DEFAULT_KAFKA_HEAP = "512m";
    public static final String DEFAULT_MONGO_HEAP = "256m";
    public static final Duration DEFAULT_STARTUP_TIMEOUT = Duration.ofSeconds(180);
    /** As often as mongod's TTL monitor looks for expired documents. */
    public static final Duration DEFAULT_STORE_TTL_MONITOR_INTERVAL = Duration.ofSeconds(60);
    /** Where Debian's {@code prometheus} package installs it. */
    public static final String DEFAULT_PROMETHEUS = "/usr/bin/prometheus";

    /** Infrastructure listens on loopback only: it has no authentication. */
    public static final String BIND_HOST = "127.0.0.1";
    /** Services get a chance to finish in-flight requests and commit Kafka offsets. */
    public static final Duration SERVICE_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** A clean Kafka shutdown avoids log recovery on the next start. */
    public static final Duration KAFKA_STOP_TIMEOUT = Duration.ofSeconds(60);
    /** Closing the H2 store flushes pending writes; it is quick but must not be cut short. */
    public static final Duration MONGO_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** Prometheus closes its write-ahead log; a cut-short stop only costs a longer replay at the next start. */
    public static final Duration PROMETHEUS_STOP_TIMEOUT = Duration.ofSeconds(30);
    /** After SIGKILL the kernel only needs a moment to reap the process. */
    public static final Duration KILL_TIMEOUT = Duration.ofSeconds(10);
    public static final Duration HEALTH_POLL_INTERVAL = Duration.ofMillis(250);
    /** Upper bound for one health probe, so {@code status} stays snappy. */
    public static final Duration HEALTH_PROBE_TIMEOUT = Duration.ofSeconds(2);
    public static final int LOG_TAIL_LINES = 30;

    static final String INFRA_MODULE = "embedded-infra";
    /** The repository's Prometheus configuration and alert rules, relative to the repo root. */
    static final String PROMETHEUS_FOLDER = "ops/prometheus";
    /** The gateway publishes its JWT signing keys here. */
    static final String JWKS_PATH = "/.well-known/jwks.json";

    public Settings {
        Objects.requireNonNull(repoRoot, "repoRoot");
        Objects.requireNonNull(home, "home");
        Objects.requireNonNull(java, "java");
        Objects.requireNonNull(ports, "ports");
        Objects.requireNonNull(serviceHeap, "serviceHeap");
        Objects.requireNonNull(kafkaHeap, "kafkaHeap");
        Objects.requireNonNull(mongoHeap, "mongoHeap");
        Objects.requireNonNull(startupTimeout, "startupTimeout");
        Objects.requireNonNull(storeTtlMonitorInterval, "storeTtlMonitorInterval");
        Objects.requireNonNull(prometheus, "prometheus");
        repoRoot = repoRoot.toAbsolutePath().normalize();
        home = home.toAbsolutePath().normalize();
        extraServiceEnv = Map.copyOf(extraServiceEnv);
        infraJvmOptions = List.copyOf(infraJvmOptions);
    }

    /** Settings for {@code ./hotline}: the process environment, repo root = current working directory. */
    public static Settings fromEnvironment() {
        return fromEnvironment(System.getenv(), Path.of("").toAbsolutePath());
    }

    public static Settings fromEnvironment(Map<String, String> env, Path repoRoot) {
        return new Settings(
                repoRoot,
                Path.of(env.getOrDefault("HOTLINE_HOME", repoRoot.resolve(DEFAULT_HOME_FOLDER).toString())),
                env.getOrDefault("HOTLINE_JAVA", JavaLocator.preferredJava()),
                Ports.fromEnvironment(env),
                env.getOrDefault("HOTLINE_SERVICE_HEAP", DEFAULT_SERVICE_HEAP),
                env.getOrDefault("HOTLINE_KAFKA_HEAP", DEFAULT_KAFKA_HEAP),
                env.getOrDefault("HOTLINE_MONGO_HEAP", DEFAULT_MONGO_HEAP),
                seconds("HOTLINE_STARTUP_TIMEOUT_SECONDS", env.get("HOTLINE_STARTUP_TIMEOUT_SECONDS"),
                        DEFAULT_STARTUP_TIMEOUT),
                Map.of(),
                options(env.get("HOTLINE_INFRA_JVM_OPTIONS")),
                flag("HOTLINE_STORE_FSYNC", env.getOrDefault("HOTLINE_STORE_FSYNC", "true")),
                positive("HOTLINE_STORE_TTL_MONITOR_SECONDS", seconds("HOTLINE_STORE_TTL_MONITOR_SECONDS",
                        env.get("HOTLINE_STORE_TTL_MONITOR_SECONDS"), DEFAULT_STORE_TTL_MONITOR_INTERVAL)),
                flag("HOTLINE_WITH_PROMETHEUS", env.getOrDefault("HOTLINE_WITH_PROMETHEUS", "false")),
                env.getOrDefault("HOTLINE_PROMETHEUS",
                        Executables.onPath("prometheus", env.get("PATH")).orElse(DEFAULT_PROMETHEUS)));
    }

    private static boolean flag(String name, String value) {
        if (!value.equals("true") && !value.equals("false")) {
            throw new IllegalArgumentException(name + " is true or false, not " + value);
        }
        return Boolean.parseBoolean(value);
    }

    private static List<String> options(String value) {
        return value == null || value.isBlank() ? List.of() : List.of(value.trim().split("\\s+"));
    }

    /** All defaults, ignoring the process environment: the deterministic starting point for tests. */
    public static Settings defaults(Path repoRoot, Path home) {
        return fromEnvironment(Map.of("HOTLINE_HOME", home.toString()), repoRoot);
    }

    public Settings withPorts(Ports newPorts) {
        return new Settings(repoRoot, home, java, newPorts, serviceHeap, kafkaHeap, mongoHeap, startupTimeout,
                extraServiceEnv, infraJvmOptions, storeFsync, storeTtlMonitorInterval, withPrometheus,
                prometheus);
    }

    public Settings withStartupTimeout(Duration newTimeout) {
        return new Settings(repoRoot, home, java, ports, serviceHeap, kafkaHeap, mongoHeap, newTimeout,
                extraServiceEnv, infraJvmOptions, storeFsync, storeTtlMonitorInterval, withPrometheus,
                prometheus);
    }

    public Settings withExtraServiceEnv(Map<String, String> newExtraServiceEnv) {
        return new Settings(repoRoot, home, java, ports, serviceHeap, kafkaHeap, mongoHeap, startupTimeout,
                newExtraServiceEnv, infraJvmOptions, storeFsync, storeTtlMonitorInterval, withPrometheus,
                prometheus);
    }

    /** The same system, with or without Prometheus started by {@link EmbeddedSystem#up()}. */
    public Settings withPrometheus(boolean newWithPrometheus) {
        return new Settings(repoRoot, home, java, ports, serviceHeap, kafkaHeap, mongoHeap, startupTimeout,
                extraServiceEnv, infraJvmOptions, storeFsync, storeTtlMonitorInterval, newWithPrometheus,
                prometheus);
    }

    public Layout layout() {
        return new Layout(home);
    }

    public String kafkaBootstrapServers() {
        return "localhost:" + ports.kafka();
    }

    public String intakeMongoUri() {
        return mongoUri(ports.intakeMongo());
    }

    public String dispatchMongoUri() {
        return mongoUri(ports.dispatchMongo());
    }

    public String feedbackMongoUri() {
        return mongoUri(ports.feedbackMongo());
    }

    public String gatewayMongoUri() {
        return mongoUri(ports.gatewayMongo());
    }

    public String gatewayUrl() {
        return httpUrl(ports.gateway());
    }

    public String intakeUrl() {
        return httpUrl(ports.intake());
    }

    public String dispatchUrl() {
        return httpUrl(ports.dispatch());
    }

    public String feedbackUrl() {
        return httpUrl(ports.feedback());
    }

    /** The gateway's actuator: health and metrics, never on the public port. */
    public String gatewayManagementUrl() {
        return httpUrl(ports.gatewayManagement());
    }

    /** Prometheus's web UI and HTTP API, when it is started with the system. */
    public String prometheusUrl() {
        return httpUrl(ports.prometheus());
    }

    /** The repository's {@code ops/prometheus}: the scrape configuration template and the alert rules. */
    public Path prometheusFolder() {
        return repoRoot.resolve(PROMETHEUS_FOLDER);
    }

    /** Where the backend services fetch the public keys that verify the gateway's JWTs. */
    public String gatewayJwksUri() {
        return gatewayUrl() + JWKS_PATH;
    }

    /** Classpath of the infrastructure processes: the packaged module plus its copied runtime dependencies. */
    public String infraClasspath() {
        Path target = repoRoot.resolve(INFRA_MODULE).resolve("target");
        return target.resolve(INFRA_MODULE + ".jar") + File.pathSeparator + target.resolve("lib") + File.separator + "*";
    }

    /** The jar Maven builds for a module: {@code <repoRoot>/<module>/target/<module>.jar}. */
    public Path moduleJar(String module) {
        return repoRoot.resolve(module).resolve("target").resolve(module + ".jar");
    }

    private static String mongoUri(int port) {
        return "mongodb://localhost:" + port;
    }

    private static String httpUrl(int port) {
        return "http://localhost:" + port;
    }

    private static Duration positive(String name, Duration duration) {
        if (duration.isNegative() || duration.isZero()) {
            throw new IllegalArgumentException(name + " is a number of seconds above 0, not " + duration.toSeconds());
        }
        return duration;
    }

    private static Duration seconds(String name, String seconds, Duration otherwise) {
        if (seconds == null || seconds.isBlank()) {
            return otherwise;
        }
        try {
            return Duration.ofSeconds(Long.parseLong(seconds.trim()));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(name + " is not a number: " + seconds, e);
        }
    }
}
