package city.hotline.dispatch.casework;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The queues' read model against the MongoDB-wire server of the embedded mode. */
class OpenWorkTest {
  private static final String UNIT = "JIANGAN_CGJ";
  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());
  private final OpenWork openWork = new OpenWork(client.getDatabase("dispatch"),
      new CaseworkSettings(2, 2, Duration.ofDays(7), Duration.ofMinutes(10)), Clock.systemUTC());

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void aUnitsQueueHoldsEveryCaseWhicheverBucketItLandsIn() {
    List<String> tickets = IntStream.rangeClosed(1, 200).mapToObj(n -> "WH20261202%06d".formatted(n)).toList();
    tickets.forEach(ticket -> openWork.place(kase(ticket, CaseState.DISPATCHED, 1)));
    openWork.place(kase(tickets.get(7), CaseState.CLAIMED, 2));

    assertThat(ticketsIn(CaseState.DISPATCHED)).hasSize(199).doesNotContain(tickets.get(7));
    assertThat(ticketsIn(CaseState.CLAIMED)).containsExactly(tickets.get(7));
    assertThat(tickets.stream().map(t -> OpenWork.bucket(OpenWork.slot(UNIT, CaseState.DISPATCHED), t)).distinct())
        .as("spread over buckets").hasSize(OpenWork.BUCKETS);
  }

  @Test
  void whileTheQueuesAreFilledAnOlderPictureReadBeforeAChangeDoesNotPutTheCaseBack() {
    openWork.fillStarting();
    String ticket = "WH20261202000001";
    openWork.place(kase(ticket, CaseState.CLAIMED, 2)); // claimed while the filling ran
    openWork.place(kase(ticket, CaseState.DISPATCHED, 1)); // the filling's picture, read before the claim
    openWork.markFilled();

    assertThat(ticketsIn(CaseState.DISPATCHED)).isEmpty();
    assertThat(ticketsIn(CaseState.CLAIMED)).containsExactly(ticket);
  }

  private List<String> ticketsIn(CaseState state) {
    return openWork.read(List.of(OpenWork.slot(UNIT, state))).stream().map(e -> e.getString("ticketId")).toList();
  }

  private static Document kase(String ticketId, CaseState state, int rev) {
    return new Document("_id", ticketId).append("state", state.name()).append("rev", rev).append("unitId", UNIT)
        .append("unitName", "江岸区城管局").append("unitsSeen", List.of(UNIT)).append("district", "JIANGAN")
        .append("category", "SANITATION").append("urgency", "NORMAL").append("description", "路灯不亮");
  }
}
