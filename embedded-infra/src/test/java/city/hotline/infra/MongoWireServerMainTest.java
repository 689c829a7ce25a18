package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class MongoWireServerMainTest {

    private static final String HEAP = Settings.DEFAULT_MONGO_HEAP;
    private static final Duration START_TIMEOUT = Duration.ofSeconds(30);

    @TempDir
    Path dir;

    private final int port = Ports.allocateFree().intakeMongo();
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

    private Process startServer(Path store, Path log) throws IOException {
        Process process = ProcessLauncher.start(
                TestJvm.javaCommand().main(HEAP, MongoWireServerMain.MAIN_CLASS,
                        "--port", Integer.toString(port), "--file", store.toString()),
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
