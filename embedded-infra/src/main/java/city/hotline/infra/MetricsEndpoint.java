package city.hotline.infra;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;

/**
 * Prometheus text at {@code http://host:port/metrics} for an infrastructure process (a store, the broker), which
 * has no Spring Boot actuator: the JDK's own HTTP server and a Micrometer registry holding the JVM's and process's
 * metrics plus whatever the process adds.
 */
final class MetricsEndpoint implements AutoCloseable {

    static final String PATH = "/metrics";
    /** Prometheus' text exposition format, the one {@link PrometheusMeterRegistry#scrape()} writes. */
    private static final String CONTENT_TYPE = "text/plain; version=0.0.4; charset=utf-8";
    private static final int NO_BACKLOG_OVERRIDE = 0;
    private static final int STOP_AT_ONCE = 0;
    private static final int OK = 200;
    private static final int METHOD_NOT_ALLOWED = 405;
    private static final int NO_BODY = -1;

    private final HttpServer server;
    private final PrometheusMeterRegistry registry;

    private MetricsEndpoint(HttpServer server, PrometheusMeterRegistry registry) {
        this.server = server;
        this.registry = registry;
    }

    /** A registry with what every JVM of the system reports (memory, GC, threads, CPU, uptime). */
    static PrometheusMeterRegistry jvmRegistry() {
        PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
        return registry;
    }

    /** Serves the registry; a scrape runs on the server's single dispatcher thread, one at a time. */
    static MetricsEndpoint start(String host, int port, PrometheusMeterRegistry registry) throws IOException {
        HttpServer server = HttpServer.create(new InetSocketAddress(host, port), NO_BACKLOG_OVERRIDE);
        server.createContext(PATH, exchange -> answer(exchange, registry));
        server.start();
        return new MetricsEndpoint(server, registry);
    }

    int port() {
        return server.getAddress().getPort();
    }

    private static void answer(HttpExchange exchange, PrometheusMeterRegistry registry) throws IOException {
        try (exchange) {
            if (!exchange.getRequestMethod().equals("GET") && !exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(METHOD_NOT_ALLOWED, NO_BODY);
                return;
            }
            byte[] body = registry.scrape().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().set("Content-Type", CONTENT_TYPE);
            if (exchange.getRequestMethod().equals("HEAD")) {
                exchange.sendResponseHeaders(OK, NO_BODY);
                return;
            }
            exchange.sendResponseHeaders(OK, body.length);
            try (OutputStream out = exchange.getResponseBody()) {
                out.write(body);
            }
        }
    }

    /** Its dispatcher thread is not a daemon: a process whose main work ended must stop it to exit. */
    @Override
    public void close() {
        server.stop(STOP_AT_ONCE);
        registry.close();
    }
}
