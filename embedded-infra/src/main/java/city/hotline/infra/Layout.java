package city.hotline.infra;

import java.nio.file.Path;

/** Where each file lives under {@code HOTLINE_HOME}. */
public record Layout(Path home) {

    public Path dataDir() {
        return home.resolve("data");
    }

    public Path logsDir() {
        return home.resolve("logs");
    }

    public Path runDir() {
        return home.resolve("run");
    }

    public Path kafkaDataDir() {
        return dataDir().resolve("kafka");
    }

    public Path kafkaConfigFile() {
        return home.resolve("kafka").resolve("server.properties");
    }

    /** Generated once and reused whenever the Kafka storage has to be formatted. */
    public Path kafkaClusterIdFile() {
        return home.resolve("kafka").resolve("cluster.id");
    }

    /** The JVM's class-data archive of a service, written on its first run (see {@link JavaCommand#jar}). */
    public Path classDataArchive(String name) {
        return runDir().resolve(name + ".jsa");
    }

    /** Written from the repository's ops/prometheus/prometheus.yml before each start, with the ports in use. */
    public Path prometheusConfigFile() {
        return home.resolve("prometheus").resolve("prometheus.yml");
    }

    public Path prometheusDataDir() {
        return dataDir().resolve("prometheus");
    }

    public Path mongoStore(String name) {
        return dataDir().resolve("mongo").resolve(name + ".mv");
    }

    public Path logFile(String processName) {
        return logsDir().resolve(processName + ".log");
    }

    public Path pidFile(String processName) {
        return runDir().resolve(processName + ".pid");
    }
}
