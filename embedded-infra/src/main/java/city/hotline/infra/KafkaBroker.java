package city.hotline.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.common.Uuid;

/**
 * A single-node KRaft Kafka (broker and controller in one process) run from the module's classpath with the
 * distribution's own entry points, {@code kafka.Kafka} (through {@link KafkaBrokerMain}, which adds a metrics
 * endpoint) and {@code kafka.tools.StorageTool}.
 *
 * @param java           java executable and a classpath containing kafka_2.13 and a logging backend
 * @param heap           -Xmx of the broker and of the format tool
 * @param configFile     server.properties, rewritten before each start so port changes take effect
 * @param dataDir        log.dirs (topic data and the metadata log)
 * @param clusterIdFile  where the generated cluster id is kept
 * @param port           PLAINTEXT listener for clients
 * @param controllerPort CONTROLLER listener for the KRaft quorum
 * @param formatTimeout  how long formatting the storage may take
 * @param metricsPort    where its Prometheus metrics are served, or null for none
 */
record KafkaBroker(
        JavaCommand java,
        String heap,
        Path configFile,
        Path dataDir,
        Path clusterIdFile,
        int port,
        int controllerPort,
        Duration formatTimeout,
        Integer metricsPort) {

    static final String MAIN_CLASS = KafkaBrokerMain.MAIN_CLASS;
    static final String STORAGE_TOOL = "kafka.tools.StorageTool";
    static final String NODE_ID = "1";
    /** Present once the storage is formatted; starting an unformatted broker fails. */
    static final String META_PROPERTIES = "meta.properties";

    static KafkaBroker of(Settings settings) {
        Layout layout = settings.layout();
        return new KafkaBroker(new JavaCommand(settings.java(), settings.infraClasspath(), settings.infraJvmOptions()), settings.kafkaHeap(),
                layout.kafkaConfigFile(), layout.kafkaDataDir(), layout.kafkaClusterIdFile(),
                settings.ports().kafka(), settings.ports().kafkaController(), settings.startupTimeout(),
                settings.ports().kafkaMetrics());
    }

    List<String> command() {
        if (metricsPort == null) {
            return java.main(heap, MAIN_CLASS, configFile.toString());
        }
        return java.main(heap, MAIN_CLASS, KafkaBrokerMain.METRICS_PORT, metricsPort.toString(), configFile.toString());
    }

    /** Writes server.properties and, on the very first start, formats the storage. */
    void prepare(Path log) throws IOException, InterruptedException {
        writeConfig();
        if (!Files.exists(dataDir.resolve(META_PROPERTIES))) {
            format(log);
        }
    }

    /**
     * Static quorum ({@code controller.quorum.voters}) rather than {@code --standalone}: the dynamic quorum records
     * the controller endpoint in the formatted storage, so changing KAFKA_CONTROLLER_PORT later would break it.
     */
    private void format(Path log) throws IOException, InterruptedException {
        List<String> command = java.main(heap, STORAGE_TOOL,
                "format", "--cluster-id", clusterId(), "--config", configFile.toString());
        Process process = ProcessLauncher.start(command, Map.of(), configFile.getParent(), log);
        if (!process.waitFor(formatTimeout.toMillis(), TimeUnit.MILLISECONDS)) {
            process.destroyForcibly();
            throw new StartupFailedException("formatting the Kafka storage timed out, see " + log);
        }
        if (process.exitValue() != 0) {
            throw new StartupFailedException("formatting the Kafka storage failed (exit code " + process.exitValue()
                    + "), see " + log + System.lineSeparator() + LogTail.of(log, Settings.LOG_TAIL_LINES));
        }
    }

    private String clusterId() throws IOException {
        if (Files.exists(clusterIdFile)) {
            return Files.readString(clusterIdFile).trim();
        }
        String id = Uuid.randomUuid().toString();
        Files.createDirectories(clusterIdFile.getParent());
        Files.writeString(clusterIdFile, id);
        return id;
    }

    private void writeConfig() throws IOException {
        String host = Settings.BIND_HOST;
        Map<String, String> config = new LinkedHashMap<>();
        config.put("process.roles", "broker,controller");
        config.put("node.id", NODE_ID);
        config.put("controller.quorum.voters", NODE_ID + "@" + host + ":" + controllerPort);
        config.put("listeners", "PLAINTEXT://" + host + ":" + port + ",CONTROLLER://" + host + ":" + controllerPort);
        config.put("advertised.listeners", "PLAINTEXT://localhost:" + port);
        config.put("listener.security.protocol.map", "PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT");
        config.put("controller.listener.names", "CONTROLLER");
        config.put("inter.broker.listener.name", "PLAINTEXT");
        config.put("log.dirs", dataDir.toString());
        // One node: every internal topic must make do with a single replica.
        config.put("offsets.topic.replication.factor", "1");
        config.put("transaction.state.log.replication.factor", "1");
        config.put("transaction.state.log.min.isr", "1");
        config.put("share.coordinator.state.topic.replication.factor", "1");
        config.put("share.coordinator.state.topic.min.isr", "1");
        config.put("min.insync.replicas", "1");
        // The services declare their topics with the partition counts they need.
        config.put("auto.create.topics.enable", "false");
        // Consumers of a single-node dev system should not wait for more members to join.
        config.put("group.initial.rebalance.delay.ms", "0");

        StringBuilder text = new StringBuilder("# Generated by city.hotline.infra on every start; edits are lost.\n");
        config.forEach((key, value) -> text.append(key).append('=').append(value).append('\n'));
        Files.createDirectories(configFile.getParent());
        Files.writeString(configFile, text);
    }
}
