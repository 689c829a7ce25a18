package city.hotline.infra;

import de.bwaldvogel.mongo.MongoServer;
import java.net.InetSocketAddress;
import java.nio.file.Path;

/**
 * The embedded store ({@link KeyedH2Backend}: group commit, secondary indexes) on a free local port, for
 * code that needs one in-process: the services' tests run on the very store {@code ./hotline up} runs,
 * not on another backend. Without fsync: a test's file needs to survive its process, not a power cut.
 */
public final class EmbeddedStore implements AutoCloseable {
    private final MongoServer server;
    private final InetSocketAddress address;

    private EmbeddedStore(Path file) {
        this.server = new MongoServer(new KeyedH2Backend(file.toString(), false));
        server.bind(new InetSocketAddress(Settings.BIND_HOST, 0));
        this.address = server.getLocalAddress();
    }

    /** A store keeping its data in this file (created if absent). */
    public static EmbeddedStore start(Path file) {
        return new EmbeddedStore(file);
    }

    public String uri() {
        return "mongodb://" + Settings.BIND_HOST + ":" + address.getPort();
    }

    @Override
    public void close() {
        server.shutdownNow();
    }
}
