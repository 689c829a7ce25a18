package city.hotline.feedback.stats;

import static city.hotline.feedback.stats.CaseListFeed.CALLS;
import static city.hotline.feedback.stats.CaseListFeed.ticket;
import static city.hotline.feedback.stats.CaseListFeed.ticketsOf;
import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * 工单明细: the case list of a period lists every case registered on each day, in ticket order, however
 * many there are (read a batch at a time), on a Mongo-wire server without Spring or Kafka.
 */
class CaseListTest {
  private static final MongoWireTestServer MONGO = new MongoWireTestServer();
  private static final MongoClient CLIENT = MongoClients.create(MONGO.uri());

  @AfterAll
  static void stop() {
    CLIENT.close();
    MONGO.close();
  }

  @Test
  void everyCaseOfEachDayIsListedOnceInTicketOrder() {
    CaseList list = CaseListFeed.registered(CLIENT.getDatabase("case-list"));

    assertThat(ticketsOf(list, Scenario.DAY_1, Scenario.DAY_1, null))
        .hasSize(CALLS).isSorted().startsWith(ticket(1)).endsWith(ticket(CALLS));
    assertThat(ticketsOf(list, Scenario.DAY_1, Scenario.DAY_2, null)).hasSize(CALLS + 1).endsWith(ticket(CALLS + 1));
    assertThat(ticketsOf(list, Scenario.DAY_2, Scenario.DAY_2, null)).containsExactly(ticket(CALLS + 1));
    assertThat(ticketsOf(list, Scenario.DAY_1, Scenario.DAY_2, "HANYANG")).hasSize(CALLS / 3)
        .allMatch(t -> Integer.parseInt(t.substring(10)) % 3 == 0);
  }
}
