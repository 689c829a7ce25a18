package city.hotline.infra;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/** The nine processes of the system, derived from the settings. */
final class SystemComponents {

    static final String KAFKA = "kafka";
    static final String INTAKE = "intake-service";
    static final String DISPATCH = "dispatch-service";
    static final String FEEDBACK = "feedback-service";
    static final String GATEWAY = "gateway";
    static final List<String> SERVICE_MODULES = List.of(INTAKE, DISPATCH, FEEDBACK, GATEWAY);

    private final Settings settings;
    private final JavaCommand java;
    private final List<ProcessDefinition> infrastructure;
    private final List<ProcessDefinition> services;

    SystemComponents(Settings settings) {
        this.settings = settings;
        this.java = new JavaCommand(settings.java(), settings.infraClasspath(), settings.infraJvmOptions());
        this.infrastructure = createInfrastructure();
        this.services = createServices();
    }

    /** Kafka and the Mongo servers, which the services need on startup. */
    List<ProcessDefinition> infrastructure() {
        return infrastructure;
    }

    List<ProcessDefinition> services() {
        return services;
    }

    /** Consumers first, then what they consume: services, then Kafka, then the Mongo servers. */
    List<List<ProcessDefinition>> shutdownOrder() {
        return List.of(
                services,
                infrastructure.stream().filter(process -> process.name().equals(KAFKA)).toList(),
                infrastructure.stream().filter(process -> !process.name().equals(KAFKA)).toList());
    }

    List<ProcessDefinition> all() {
        return Stream.concat(infrastructure.stream(), services.stream()).toList();
    }

    private List<ProcessDefinition> createInfrastructure() {
        Ports ports = settings.ports();
        return List.of(
                kafka(),
                mongo("intake", ports.intakeMongo(), settings.intakeMongoUri()),
                mongo("dispatch", ports.dispatchMongo(), settings.dispatchMongoUri()),
                mongo("feedback", ports.feedbackMongo(), settings.feedbackMongoUri()),
                mongo("gateway", ports.gatewayMongo(), settings.gatewayMongoUri()));
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
                List.of(ports.kafka(), ports.kafkaController()),
                settings.kafkaBootstrapServers(),
                new KafkaHealthCheck("localhost", ports.kafka(), Settings.HEALTH_PROBE_TIMEOUT),
                Settings.KAFKA_STOP_TIMEOUT,
                broker::prepare);
    }

    private ProcessDefinition mongo(String service, int port, String uri) {
        List<String> command = java.main(settings.mongoHeap(), MongoWireServerMain.MAIN_CLASS,
                "--port", Integer.toString(port),
                "--file", settings.layout().mongoStore(service).toString(),
                "--host", Settings.BIND_HOST,
                "--fsync", Boolean.toString(settings.storeFsync()));
        return new ProcessDefinition(service + "-mongo", command, Map.of(), List.of(port),
                uri,
                new MongoHealthCheck("localhost", port, Settings.HEALTH_PROBE_TIMEOUT),
                Settings.MONGO_STOP_TIMEOUT,
                ProcessDefinition.Preparation.NONE);
    }

    private ProcessDefinition backendService(String module, int port, String url, String mongoUri) {
        return service(module, port, url, Map.of(
                "SERVER_PORT", Integer.toString(port),
                "KAFKA_BOOTSTRAP_SERVERS", settings.kafkaBootstrapServers(),
                "MONGODB_URI", mongoUri,
                "HOTLINE_JWKS_URI", settings.gatewayJwksUri()));
    }

    private ProcessDefinition gateway() {
        int port = settings.ports().gateway();
        return service(GATEWAY, port, settings.gatewayUrl(), Map.of(
                "SERVER_PORT", Integer.toString(port),
                "INTAKE_URL", settings.intakeUrl(),
                "DISPATCH_URL", settings.dispatchUrl(),
                "FEEDBACK_URL", settings.feedbackUrl(),
                "MONGODB_URI", settings.gatewayMongoUri()));
    }

    private ProcessDefinition service(String module, int port, String url, Map<String, String> environment) {
        Map<String, String> merged = new HashMap<>(environment);
        // Last, so a test can override any of the standard variables.
        merged.putAll(settings.extraServiceEnv());
        return new ProcessDefinition(module,
                java.jar(settings.serviceHeap(), settings.moduleJar(module), settings.layout().classDataArchive(module)),
                Map.copyOf(merged),
                List.of(port),
                url,
                new HttpHealthCheck(url, Settings.HEALTH_PROBE_TIMEOUT),
                Settings.SERVICE_STOP_TIMEOUT,
                ProcessDefinition.Preparation.NONE);
    }
}
