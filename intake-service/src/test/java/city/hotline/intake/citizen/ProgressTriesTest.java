package city.hotline.intake.citizen;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Tries at a ticket's progress, counted on the store the services use. */
class ProgressTriesTest {
  private static final Instant WINDOW = Instant.parse("2026-11-23T01:00:00Z");
  private static final Instant NEXT = WINDOW.plusSeconds(3600);
  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());
  private final ProgressTries tries = new ProgressTries(client.getDatabase("intake"));

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void eachTicketAndWindowCountsItsOwnTriesAndAMatchedTryIsGivenBack() {
    assertThat(tries.count("WH1", WINDOW, NEXT)).isEqualTo(1);
    assertThat(tries.count("WH1", WINDOW, NEXT)).isEqualTo(2);
    assertThat(tries.count("WH2", WINDOW, NEXT)).isEqualTo(1);
    assertThat(tries.count("WH1", NEXT, NEXT.plusSeconds(3600))).isEqualTo(1);

    tries.giveBack("WH1", WINDOW);
    assertThat(tries.count("WH1", WINDOW, NEXT)).isEqualTo(2);
  }

  @Test
  void triesAtTheSameMomentEachGetTheirOwnCount() throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Callable<Integer>> at = IntStream.range(0, 8).<Callable<Integer>>mapToObj(i ->
          () -> tries.count("WH3", WINDOW, NEXT)).toList();
      List<Integer> counts = pool.invokeAll(at).stream().map(ProgressTriesTest::value).toList();
      // what keeps a limit: however they interleave, at most k of them are told k or fewer (the embedded store may
      // answer a later count than a try's own, which refuses more, never fewer)
      for (int k = 1; k <= at.size(); k++) {
        int limit = k;
        assertThat(counts.stream().filter(count -> count <= limit).count()).as("tries told %d or fewer", k)
            .isLessThanOrEqualTo(k);
      }
      assertThat(tries.count("WH3", WINDOW, NEXT)).isEqualTo(at.size() + 1);
    } finally {
      pool.shutdown();
    }
  }

  private static int value(Future<Integer> future) {
    try {
      return future.get();
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
  }
}
