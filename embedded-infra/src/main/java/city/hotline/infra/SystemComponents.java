package city.hotline.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The nine processes of the system and Prometheus, which watches them, derived from the settings. */
final class SystemComponents {

    static final String KAFKA = "kafka";
    static final String INTAKE = "intake-service";
    static final String DISPATCH = "dispatch-service";
    static final String FEEDBACK = "feedback-service";
    static final String GATEWAY = "gateway";
    static final String PROMETHEUS = "prometheus";
    static final List<String> SERVICE_MODULES = List.of(INTAKE, DISPATCH, FEEDBACK, GATEWAY);

    private final Settings settings;
    private final JavaCommand java;
    private final List<ProcessDefinition> infrastructure;
    private final List<ProcessDefinition> services;
    private final PrometheusServer prometheusServer;
    private final List<ProcessDefinition> monitoring;

    SystemComponents(Settings settings) {
        this.settings = settings;
        this.java = new JavaCommand(settings.java(), settings.infraClasspath(), settings.infraJvmOptions());
        this.infrastructure = createInfrastructure();
        this.services = createServices();
        this.prometheusServer = PrometheusServer.of(settings);
        this.monitoring = List.of(prometheus(prometheusServer));
    }

    /** Kafka and the Mongo servers, which the services need on startup. */
    List<ProcessDefinition> infrastructure() {
        return infrastructure;
    }

    List<ProcessDefinition> services() {
        return services;
    }

    /**
     * Prometheus, started only with {@code --with-prometheus} but always known, so that {@code down} stops it and
     * {@code status} shows it whichever way the system was started.
     */
    List<ProcessDefinition> monitoring() {
        return monitoring;
    }

    PrometheusServer prometheusServer() {
        return prometheusServer;
    }

    /**
     * Consumers first, then what they consume: Prometheus (so stopping the system raises no alert), services, then
     * Kafka, then the Mongo servers.
     */
    List<List<ProcessDefinition>> shutdownOrder() {
        return List.of(
                monitoring,
                services,
                infrastructure.stream().filter(process -> process.name().equals(KAFKA)).toList(),
                infrastructure.stream().filter(process -> !process.name().equals(KAFKA)).toList());
    }

    List<ProcessDefinition> all() {
        return Stream.of(infrastructure, services, monitoring).flatMap(List::stream).toList();
    }

    private List<ProcessDefinition> createInfrastructure() {
        Ports ports = settings.ports();
        return List.of(
                kafka(),
                mongo("intake", ports.intakeMongo(), ports.intakeMongoMetrics(), settings.intakeMongoUri()),
                mongo("dispatch", ports.dispatchMongo(), ports.dispatchMongoMetrics(), settings.dispatchMongoUri()),
                mongo("feedback", ports.feedbackMongo(), ports.feedbackMongoMetrics(), settings.feedbackMongoUri()),
                mongo("gateway", ports.gatewayMongo(), ports.gatewayMongoMetrics(), settings.gatewayMongoUri()));
    }

    private List<ProcessDefinition> createServices() {
        Ports ports = settings.ports();
        return List.of(
                backendService(INTAKE, ports.intake(), settings.intakeUrl(), settings.intakeMongoUri()),
                backendService(DISPATCH, ports.dispatch(), settings.dispatchUrl(), settings.dispatchMongoUri()),
                backendService(FEEDBACK, ports.feedback(), settings.feedbackUrl(), settings.feedbackMongoUri()),
                gateway());
    }

    private ProcessDefinition kafka() {
        KafkaBroker broker = KafkaBroker.of(settings);
        Ports ports = settings.ports();
        return new ProcessDefinition(KAFKA, broker.command(), Map.of(),
                List.of(ports.kafka(), ports.kafkaController(), ports.kafkaMetrics()),
                settings.kafkaBootstrapServers(),
                new KafkaHealthCheck("localhost", ports.kafka(), Settings.HEALTH_PROBE_TIMEOUT),
                Settings.KAFKA_STOP_TIMEOUT,
                broker::prepare);
    }

    /** The store's metrics (its file's name tags them {@code store=<service>}) are scraped as job <service>-store. */
    private ProcessDefinition mongo(String service, int port, int metricsPort, String uri) {
        List<String> command = java.main(settings.mongoHeap(), MongoWireServerMain.MAIN_CLASS,
                "--port", Integer.toString(port),
                "--file", settings.layout().mongoStore(service).toString(),
                "--host", Settings.BIND_HOST,
                "--fsync", Boolean.toString(settings.storeFsync()),
                "--ttl-monitor-interval", Long.toString(settings.storeTtlMonitorInterval().toSeconds()),
                "--metrics-port", Integer.toString(metricsPort));
        return new ProcessDefinition(service + "-mongo", command, Map.of(), List.of(port, metricsPort),
                uri,
                new MongoHealthCheck("localhost", port, Settings.HEALTH_PROBE_TIMEOUT),
                Settings.MONGO_STOP_TIMEOUT,
                ProcessDefinition.Preparation.NONE);
    }

    private ProcessDefinition backendService(String module, int port, String url, String mongoUri) {
        return service(module, List.of(port), url, url, Map.of(
                "SERVER_PORT", Integer.toString(port),
                "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers(),
                "MONGODB_URI", mongoUri,
                "HOTLINE_JWKS_URI", settings.gatewayJwksUri()));
    }

    /** Its actuator (health, metrics) answers on the management port only: the public port never serves it. */
    private ProcessDefinition gateway() {
        Ports ports = settings.ports();
        return service(GATEWAY, List.of(ports.gateway(), ports.gatewayManagement()), settings.gatewayUrl(),
                settings.gatewayManagementUrl(), Map.of(
                        "SERVER_PORT", Integer.toString(ports.gateway()),
                        "MANAGEMENT_PORT", Integer.toString(ports.gatewayManagement()),
                        "INTAKE_URL", settings.intakeUrl(),
                        "DISPATCH_URL", settings.dispatchUrl(),
                        "FEEDBACK_URL", settings.feedbackUrl(),
                        "MONGODB_URI", settings.gatewayMongoUri()));
    }

    private ProcessDefinition service(String module, List<Integer> ports, String url, String actuatorUrl,
            Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(environment);
        // Last, so a test can override any of the standard variables.
        merged.putAll(settings.extraServiceEnv());
        return new ProcessDefinition(module,
                java.jar(settings.serviceHeap(), settings.moduleJar(module), settings.layout().classDataArchive(module)),
                Map.copyOf(merged),
                ports,
                url,
                HttpHealthCheck.actuator(actuatorUrl, Settings.HEALTH_PROBE_TIMEOUT),
                Settings.SERVICE_STOP_TIMEOUT,
                ProcessDefinition.Preparation.NONE);
    }

    private ProcessDefinition prometheus(PrometheusServer server) {
        return new ProcessDefinition(PROMETHEUS, server.command(), Map.of(),
                List.of(settings.ports().prometheus()),
                settings.prometheusUrl(),
                HttpHealthCheck.prometheus(settings.prometheusUrl(), Settings.HEALTH_PROBE_TIMEOUT),
                Settings.PROMETHEUS_STOP_TIMEOUT,
                server::prepare);
    }
}
