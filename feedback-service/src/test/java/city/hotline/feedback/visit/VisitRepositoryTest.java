package city.hotline.feedback.visit;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.contracts.CaseFacts;
import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The visit repository's queries on the embedded store the service runs on. */
class VisitRepositoryTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private static final CaseFacts FACTS = new CaseFacts("HANYANG", "SANITATION", "NORMAL", "HANYANG_CGJ");

  private static MongoWireTestServer server;
  private static MongoClient client;

  @BeforeAll
  static void open() {
    server = new MongoWireTestServer();
    client = MongoClients.create(server.uri());
  }

  @AfterAll
  static void close() {
    client.close();
    server.close();
  }

  /** 回访超时 after a long stop: one pass of the clock takes a batch, the earliest first; the next pass the rest. */
  @Test
  void theNoResponseClockTakesTheDueVisitsABatchAtATime() {
    VisitRepository visits = new VisitRepository(client.getDatabase("feedback-due-batches"));
    for (int i = 1; i <= 3; i++) {
      visits.open("WH2026112300000" + i, "e" + i, FACTS, NOW.minus(Duration.ofDays(5)), "已清运",
          NOW.minus(Duration.ofHours(4 - i)));
    }
    visits.open("WH20261123000009", "e9", FACTS, NOW, "已清运", NOW.plus(Duration.ofDays(3)));

    var first = visits.openAndDue(NOW, 2);
    assertThat(first).extracting(Visit::ticketId).containsExactly("WH20261123000001", "WH20261123000002");
    first.forEach(v -> assertThat(visits.apply(v.expire(NOW).orElseThrow(), null)).isTrue());
    assertThat(visits.openAndDue(NOW, 2)).extracting(Visit::ticketId).containsExactly("WH20261123000003");
  }
}
