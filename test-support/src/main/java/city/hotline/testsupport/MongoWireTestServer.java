package city.hotline.testsupport;

import city.hotline.infra.EmbeddedStore;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The embedded store of {@code ./hotline up} (group commit, secondary indexes honoured) on a free port
 * for a service's integration tests, with its file in a temporary folder removed on close: what the tests
 * prove holds for the store a user runs.
 */
public final class MongoWireTestServer implements AutoCloseable {
  private final Path folder;
  private final EmbeddedStore store;

  public MongoWireTestServer() {
    try {
      folder = Files.createTempDirectory("hotline-test-store");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    store = EmbeddedStore.start(folder.resolve("store.mv"));
  }

  public String uri() {
    return store.uri();
  }

  @Override
  public void close() {
    store.close();
    try (Stream<Path> files = Files.walk(folder)) {
      files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
