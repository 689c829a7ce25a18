package city.hotline.infra;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Prometheus (Debian's {@code prometheus}, or whichever {@code HOTLINE_PROMETHEUS} names) on the embedded system.
 * Its configuration is the repository's {@code ops/prometheus/prometheus.yml}, written into {@code HOTLINE_HOME}
 * before each start with each target moved to the port in use and the rule file named by its absolute path, so
 * the alert rules it evaluates are the repository's own, not a copy that could fall behind.
 *
 * @param executable  the prometheus program
 * @param template    ops/prometheus/prometheus.yml, which scrapes the system at its default ports
 * @param rules       ops/prometheus/alerts.yml
 * @param configFile  where the configuration with the ports in use is written
 * @param dataDir     its time-series storage
 * @param port        port of its web UI and HTTP API, on loopback only like the rest of the infrastructure
 * @param targetPorts default port of each scrape target (as in the template) to the port it has now
 */
record PrometheusServer(
        String executable,
        Path template,
        Path rules,
        Path configFile,
        Path dataDir,
        int port,
        Map<Integer, Integer> targetPorts) {

    static final String TEMPLATE = "prometheus.yml";
    static final String RULES = "alerts.yml";
    private static final Pattern TARGET = Pattern.compile("(?<=[\"'\\s\\[]localhost:)(\\d+)(?=[\"'\\s,\\]])");
    private static final Pattern RULE_FILE = Pattern.compile("(?m)^(\\s*-\\s*)[\"']?" + Pattern.quote(RULES) + "[\"']?\\s*$");

    PrometheusServer {
        targetPorts = Map.copyOf(targetPorts);
    }

    static PrometheusServer of(Settings settings) {
        Ports ports = settings.ports();
        Path folder = settings.prometheusFolder();
        return new PrometheusServer(settings.prometheus(), folder.resolve(TEMPLATE), folder.resolve(RULES),
                settings.layout().prometheusConfigFile(), settings.layout().prometheusDataDir(), ports.prometheus(),
                Map.of(Ports.DEFAULT_INTAKE, ports.intake(),
                        Ports.DEFAULT_DISPATCH, ports.dispatch(),
                        Ports.DEFAULT_FEEDBACK, ports.feedback(),
                        Ports.DEFAULT_GATEWAY_MANAGEMENT, ports.gatewayManagement(),
                        Ports.DEFAULT_KAFKA_METRICS, ports.kafkaMetrics(),
                        Ports.DEFAULT_INTAKE_MONGO_METRICS, ports.intakeMongoMetrics(),
                        Ports.DEFAULT_DISPATCH_MONGO_METRICS, ports.dispatchMongoMetrics(),
                        Ports.DEFAULT_FEEDBACK_MONGO_METRICS, ports.feedbackMongoMetrics(),
                        Ports.DEFAULT_GATEWAY_MONGO_METRICS, ports.gatewayMongoMetrics()));
    }

    List<String> command() {
        return List.of(executable,
                "--config.file=" + configFile,
                "--storage.tsdb.path=" + dataDir,
                "--web.listen-address=" + Settings.BIND_HOST + ":" + port);
    }

    /** Fails with what to do when Prometheus is not installed, before anything else of the system is started. */
    void requireExecutable() {
        if (!Files.isExecutable(Path.of(executable))) {
            throw new StartupFailedException("Prometheus is not installed at " + executable + ": install Debian's "
                    + "package (apt-get install prometheus) or set HOTLINE_PROMETHEUS to the prometheus program");
        }
    }

    /** Before each start: the configuration with the ports in use. */
    void prepare(Path log) throws IOException {
        requireExecutable();
        writeConfig();
    }

    void writeConfig() throws IOException {
        for (Path file : List.of(template, rules)) {
            if (!Files.isRegularFile(file)) {
                throw new StartupFailedException("missing " + file + " (the repository's Prometheus configuration)");
            }
        }
        Files.createDirectories(configFile.getParent());
        Files.createDirectories(dataDir);
        Files.writeString(configFile, config(Files.readString(template), targetPorts, rules.toAbsolutePath()));
    }

    /**
     * The template with each {@code localhost:<default port>} target moved to its port now and the rule file named
     * by its absolute path (the written configuration lives elsewhere, where the relative name finds nothing).
     *
     * @throws IllegalStateException if the template no longer scrapes one of the targets or names the rule file,
     *                               so a change to it cannot silently leave the system unwatched
     */
    static String config(String template, Map<Integer, Integer> targetPorts, Path rules) {
        Set<Integer> found = new HashSet<>();
        Matcher target = TARGET.matcher(template);
        StringBuilder moved = new StringBuilder();
        while (target.find()) {
            int defaultPort = Integer.parseInt(target.group(1));
            Integer now = targetPorts.get(defaultPort);
            if (now != null) {
                found.add(defaultPort);
            }
            target.appendReplacement(moved, Integer.toString(now == null ? defaultPort : now));
        }
        target.appendTail(moved);
        Set<Integer> missing = new HashSet<>(targetPorts.keySet());
        missing.removeAll(found);
        if (!missing.isEmpty()) {
            throw new IllegalStateException("the Prometheus template scrapes no target at localhost:" + missing);
        }
        Matcher ruleFile = RULE_FILE.matcher(moved);
        if (!ruleFile.find()) {
            throw new IllegalStateException("the Prometheus template does not load " + RULES + " in rule_files");
        }
        String withRules = ruleFile.replaceFirst(
                Matcher.quoteReplacement(ruleFile.group(1) + "\"" + rules.toString().replace("\\", "\\\\").replace("\"", "\\\"") + "\""));
        return "# Generated by city.hotline.infra from " + TEMPLATE + " on every start, with the ports in use; "
                + "edits are lost.\n" + withRules;
    }
}
