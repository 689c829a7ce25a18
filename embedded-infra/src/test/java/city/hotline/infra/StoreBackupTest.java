package city.hotline.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.mongodb.MongoWriteException;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.model.IndexOptions;
import com.mongodb.client.model.Indexes;
import de.bwaldvogel.mongo.MongoServer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A backup of the four stores taken while they serve, put back over newer files, reads as it was copied. */
class StoreBackupTest {
    @TempDir
    Path home;
    @TempDir
    Path backups;

    private final Ports ports = Ports.allocateFree();
    private final List<MongoServer> servers = new ArrayList<>();

    @AfterEach
    void stop() {
        servers.forEach(MongoServer::shutdown);
    }

    @Test
    void aRestoredStoreHoldsWhatTheBackupCopiedWithItsIndexes() throws IOException {
        Settings here = Settings.defaults(Path.of(".."), home).withPorts(ports);
        startStores(here);
        try (MongoClient dispatch = MongoClients.create(here.dispatchMongoUri());
                MongoClient gateway = MongoClients.create(here.gatewayMongoUri())) {
            MongoCollection<Document> cases = dispatch.getDatabase("dispatch").getCollection("cases");
            cases.insertOne(new Document("_id", "WH20261207000001").append("state", "CLAIMED"));
            dispatch.getDatabase("dispatch").getCollection("consumer_positions")
                    .insertOne(new Document("_id", "dispatch-service|hotline.intake.events|0").append("offset", 1L));
            MongoCollection<Document> users = gateway.getDatabase("gateway").getCollection("users");
            users.createIndex(Indexes.ascending("username"), new IndexOptions().unique(true).name("username_unique"));
            users.insertOne(new Document("username", "operator"));

            new StoreBackup(here).backup(backups.resolve("monday"));

            cases.insertOne(new Document("_id", "WH20261207000002").append("state", "DISPATCHED"));
        }
        stop();
        servers.clear();

        new StoreBackup(here).restore(backups.resolve("monday"), ".old");

        assertThat(here.layout().mongoStore("dispatch").resolveSibling("dispatch.mv.old")).exists();
        startStores(here);
        try (MongoClient dispatch = MongoClients.create(here.dispatchMongoUri());
                MongoClient gateway = MongoClients.create(here.gatewayMongoUri())) {
            MongoCollection<Document> cases = dispatch.getDatabase("dispatch").getCollection("cases");
            assertThat(cases.find().map(d -> d.getString("_id"))).containsExactly("WH20261207000001");
            assertThat(dispatch.getDatabase("dispatch").getCollection("consumer_positions").find().first())
                    .containsEntry("offset", 1L);
            MongoCollection<Document> users = gateway.getDatabase("gateway").getCollection("users");
            assertThatThrownBy(() -> users.insertOne(new Document("username", "operator")))
                    .as("the unique index came back").isInstanceOf(MongoWriteException.class);
        }
    }

    @Test
    void aDamagedBackupIsRefusedAndLeavesEveryStoreAsItWas() throws IOException {
        Settings here = Settings.defaults(Path.of(".."), home).withPorts(ports);
        startStores(here);
        try (MongoClient dispatch = MongoClients.create(here.dispatchMongoUri())) {
            dispatch.getDatabase("dispatch").getCollection("cases").insertOne(new Document("_id", "WH20261207000001"));
        }
        new StoreBackup(here).backup(backups.resolve("tuesday"));
        stop();
        servers.clear();
        Path cases = backups.resolve("tuesday/dispatch/dispatch/cases.bson");
        byte[] whole = Files.readAllBytes(cases);
        Files.write(cases, java.util.Arrays.copyOf(whole, whole.length - 3));

        assertThatThrownBy(() -> new StoreBackup(here).restore(backups.resolve("tuesday"), ".old"))
                .hasMessageContaining("damaged");
        assertThat(here.layout().mongoStore("dispatch").resolveSibling("dispatch.mv.old")).doesNotExist();
        assertThat(here.layout().mongoStore("dispatch")).exists();
    }

    @Test
    void aBackupNeverWritesIntoAFolderThatHoldsSomething() throws IOException {
        Files.writeString(backups.resolve("note.txt"), "keep");
        assertThatThrownBy(() -> new StoreBackup(Settings.defaults(Path.of(".."), home).withPorts(ports)).backup(backups))
                .hasMessageContaining("is not empty");
        assertThatThrownBy(() -> new StoreBackup(Settings.defaults(Path.of(".."), home).withPorts(ports)).restore(home.resolve("nothing"), ".old"))
                .hasMessageContaining("not a backup");
    }

    private void startStores(Settings here) throws IOException {
        int[] byStore = {ports.intakeMongo(), ports.dispatchMongo(), ports.feedbackMongo(), ports.gatewayMongo()};
        for (int i = 0; i < StoreBackup.STORES.size(); i++) {
            Path file = here.layout().mongoStore(StoreBackup.STORES.get(i));
            Files.createDirectories(file.getParent());
            MongoServer server = new MongoServer(new KeyedH2Backend(file.toString()));
            server.bind(Settings.BIND_HOST, byStore[i]);
            servers.add(server);
        }
    }
}
