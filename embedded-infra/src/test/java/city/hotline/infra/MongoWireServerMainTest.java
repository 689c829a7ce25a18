package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Indexes;
import com.mongodb.client.model.Updates;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerMainTest {

    private static final String HEAP = Settings.DEFAULT_MONGO_HEAP;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);
    private static final int WRITERS = 4;
    /** Enough that writes are in flight across several of H2's background commits (one a second). */
    private static final int WRITES_BEFORE_KILL = 1500;

    @TempDir
    Path dir;

    private final Ports ports = Ports.allocateFree();
    private final int port = ports.intakeMongo();
    private final int metricsPort = ports.intakeMongoMetrics();
    private Process server;

    @AfterEach
    void killLeftover() {
        if (server != null) {
            server.destroyForcibly();
        }
    }

    @Test
    void documentsSurviveAGracefulRestart() throws IOException {
        Path store = dir.resolve("store.mv");
        Path log = dir.resolve("mongo.log");

        server = startServer(store, log);
        try (MongoClient client = MongoClients.create(uri())) {
            tickets(client).insertOne(new Document("_id", "T-1").append("subject", "broken street light"));
        }
        stopWithSigterm(server);
        assertThat(Files.readString(log)).contains("Store closed");

        server = startServer(store, log);
        try (MongoClient client = MongoClients.create(uri())) {
            Document ticket = tickets(client).find(new Document("_id", "T-1")).first();
            assertThat(ticket).isNotNull();
            assertThat(ticket.getString("subject")).isEqualTo("broken street light");
        }
    }

    /**
     * What the store answered is in its file: writers on several connections insert and update until the
     * store is killed with SIGKILL (no shutdown hook, nothing flushed), and every write it acknowledged is
     * there after a restart. The stock server lost about the last second of them.
     */
    @Test
    void everyAcknowledgedWriteSurvivesASigkill() throws Exception {
        Path store = dir.resolve("store.mv");
        Path log = dir.resolve("mongo.log");
        server = startServer(store, log, "false");
        ConcurrentLinkedQueue<String> acknowledged = new ConcurrentLinkedQueue<>();
        ExecutorService writers = Executors.newFixedThreadPool(WRITERS);
        try (MongoClient client = MongoClients.create(uri())) {
            tickets(client).createIndex(Indexes.ascending("writer", "state"));
            List<Future<?>> running = new ArrayList<>();
            for (int w = 0; w < WRITERS; w++) {
                String writer = "W" + w;
                running.add(writers.submit(() -> write(tickets(client), writer, acknowledged)));
            }
            await().atMost(START_TIMEOUT).until(() -> acknowledged.size() >= WRITES_BEFORE_KILL);
            server.destroyForcibly();
            await("killed").atMost(Settings.KILL_TIMEOUT).until(() -> !server.isAlive());
            for (Future<?> writerRun : running) {
                writerRun.get();
            }
        } finally {
            writers.shutdownNow();
        }
        assertThat(Files.readString(log)).doesNotContain("Store closed");

        server = startServer(store, log, "false");
        try (MongoClient client = MongoClients.create(uri())) {
            for (String id : acknowledged) {
                Document ticket = tickets(client).find(new Document("_id", id)).first();
                assertThat(ticket).as("acknowledged ticket %s", id).isNotNull();
                assertThat(ticket.getString("state")).as("acknowledged update of %s", id).isEqualTo("CLAIMED");
            }
            // The index came back with the documents: what it finds is what a scan ($or: no index) finds.
            for (int w = 0; w < WRITERS; w++) {
                for (String state : List.of("DISPATCHED", "CLAIMED")) {
                    Bson byIndex = Filters.and(Filters.eq("writer", "W" + w), Filters.eq("state", state));
                    assertThat(ids(tickets(client).find(byIndex))).as("W%d %s", w, state)
                            .isEqualTo(ids(tickets(client).find(Filters.or(byIndex))));
                }
            }
        }
    }

    private static List<String> ids(Iterable<Document> found) {
        List<String> ids = new ArrayList<>();
        found.forEach(document -> ids.add(document.getString("_id")));
        ids.sort(null);
        return ids;
    }

    /** Inserts and then updates tickets until the server is gone; a ticket counts once its update was answered. */
    private static void write(MongoCollection<Document> tickets, String writer, ConcurrentLinkedQueue<String> acked) {
        for (int i = 0; ; i++) {
            String id = writer + "-" + i;
            try {
                tickets.insertOne(new Document("_id", id).append("writer", writer).append("state", "DISPATCHED"));
                tickets.updateOne(Filters.and(Filters.eq("_id", id), Filters.eq("state", "DISPATCHED")),
                        Updates.set("state", "CLAIMED"));
                acked.add(id);
            } catch (RuntimeException gone) {
                return;
            }
        }
    }

    /** What Prometheus scrapes from a store: its JVM, and commits and documents that rise with each write. */
    @Test
    void servesItsMetricsWhenGivenAMetricsPort() throws Exception {
        Path store = dir.resolve("dispatch.mv");
        server = startServer(store, dir.resolve("mongo.log"), "false", "--metrics-port", Integer.toString(metricsPort));
        String commits = "hotline_store_commits_total{store=\"dispatch\"}";
        String documents = "hotline_store_documents_written_total{store=\"dispatch\"}";

        Scrape before = Scrape.of(metricsPort);
        assertThat(before.status()).isEqualTo(200);
        assertThat(before.contentType()).startsWith("text/plain");
        assertThat(before.body()).contains("jvm_memory_used_bytes{", "process_uptime_seconds",
                "hotline_store_commit_seconds_count{store=\"dispatch\"}",
                "hotline_store_file_size_bytes{store=\"dispatch\"}");
        double commitsBefore = before.value(commits).orElseThrow();
        double documentsBefore = before.value(documents).orElseThrow();

        try (MongoClient client = MongoClients.create(uri())) {
            tickets(client).insertMany(List.of(new Document("_id", "T-1"), new Document("_id", "T-2")));
            tickets(client).updateOne(Filters.eq("_id", "T-1"), Updates.set("state", "CLAIMED"));
        }

        // The writes were answered after their commits, so the scrape after them sees every one.
        Scrape after = Scrape.of(metricsPort);
        assertThat(after.value(commits)).hasValueSatisfying(n -> assertThat(n).isGreaterThan(commitsBefore));
        assertThat(after.value(documents)).hasValue(documentsBefore + 3);
        assertThat(after.value("hotline_store_file_size_bytes{store=\"dispatch\"}"))
                .hasValueSatisfying(size -> assertThat(size).isPositive());
    }

    @Test
    void withoutAMetricsPortNoneIsOpened() throws Exception {
        server = startServer(dir.resolve("store.mv"), dir.resolve("mongo.log"), "false");

        assertThatThrownBy(() -> Scrape.of(metricsPort)).isInstanceOf(java.net.ConnectException.class);
    }

    @Test
    void fsyncIsTrueOrFalse() throws Exception {
        Path log = dir.resolve("usage.log");
        Process process = ProcessLauncher.start(TestJvm.javaCommand().main(HEAP, MongoWireServerMain.MAIN_CLASS,
                "--port", Integer.toString(port), "--file", dir.resolve("x.mv").toString(), "--fsync", "yes"),
                Map.of(), dir, log);
        await().atMost(START_TIMEOUT).until(() -> !process.isAlive());
        assertThat(process.exitValue()).isEqualTo(2);
        assertThat(Files.readString(log)).contains("--fsync is true or false, not yes");
    }

    private Process startServer(Path store, Path log) throws IOException {
        return startServer(store, log, "true");
    }

    private Process startServer(Path store, Path log, String fsync, String... more) throws IOException {
        List<String> args = new ArrayList<>(List.of(
                "--port", Integer.toString(port), "--file", store.toString(), "--fsync", fsync));
        args.addAll(List.of(more));
        Process process = ProcessLauncher.start(
                TestJvm.javaCommand().main(HEAP, MongoWireServerMain.MAIN_CLASS, args.toArray(String[]::new)),
                Map.of(), dir, log);
        MongoHealthCheck health = new MongoHealthCheck("localhost", port, Settings.HEALTH_PROBE_TIMEOUT);
        await("mongo wire server on port " + port)
                .atMost(START_TIMEOUT)
                .pollInterval(Settings.HEALTH_POLL_INTERVAL)
                .failFast("server process died, see " + log, () -> !process.isAlive())
                .until(health::isHealthy);
        return process;
    }

    private static void stopWithSigterm(Process process) {
        process.destroy();
        await("graceful exit").atMost(Settings.MONGO_STOP_TIMEOUT).until(() -> !process.isAlive());
    }

    private String uri() {
        return "mongodb://localhost:" + port;
    }

    private static MongoCollection<Document> tickets(MongoClient client) {
        return client.getDatabase("hotline").getCollection("tickets");
    }
}
