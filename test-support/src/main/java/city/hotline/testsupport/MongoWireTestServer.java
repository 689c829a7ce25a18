package city.hotline.testsupport;

import de.bwaldvogel.mongo.MongoServer;
import de.bwaldvogel.mongo.backend.memory.MemoryBackend;
import java.net.InetSocketAddress;

/**
 * An in-memory MongoDB-wire server on a free port for a service's integration tests: the same
 * protocol the embedded mode's on-disk servers speak, started in milliseconds.
 */
public final class MongoWireTestServer implements AutoCloseable {
  private final MongoServer server = new MongoServer(new MemoryBackend());
  private final InetSocketAddress address = server.bind();

  public String uri() {
    return "mongodb://127.0.0.1:" + address.getPort();
  }

  @Override
  public void close() {
    server.shutdownNow();
  }
}
