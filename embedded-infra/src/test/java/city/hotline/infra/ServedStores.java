package city.hotline.infra;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.h2.H2Backend;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;

/** Stores served on free ports for a test that plays the same reads and writes on several; closes them all. */
final class ServedStores implements AutoCloseable {
    private final List<MongoServer> servers = new ArrayList<>();
    private final List<MongoClient> clients = new ArrayList<>();

    /** dispatch's cases collection on a store of this backend. */
    MongoCollection<Document> cases(H2Backend backend) {
        return collection(backend, "dispatch", "cases");
    }

    /** A collection on a store of this backend. */
    MongoCollection<Document> collection(H2Backend backend, String database, String name) {
        MongoServer server = new MongoServer(backend);
        servers.add(server);
        MongoClient client = MongoClients.create("mongodb://127.0.0.1:" + server.bind().getPort());
        clients.add(client);
        return client.getDatabase(database).getCollection(name);
    }

    /** Stops the stores gracefully (their files closed), as a restart would. */
    void shutdown() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdown);
        clients.clear();
        servers.clear();
    }

    @Override
    public void close() {
        clients.forEach(MongoClient::close);
        servers.forEach(MongoServer::shutdownNow);
    }
}
