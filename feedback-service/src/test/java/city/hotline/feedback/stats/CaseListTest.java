package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/**
 * 工单明细: the case list of a period lists every case registered on each day, in ticket order, however
 * many there are (read a batch at a time), on a Mongo-wire server without Spring or Kafka.
 */
class CaseListTest {
  static final StatsSettings SETTINGS = new StatsSettings(Scenario.ZONE, 30, 1100, SummaryTest.WEIGHTS,
      Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
  static final int CALLS = 1_201;
  private static final MongoWireTestServer MONGO = new MongoWireTestServer();
  private static final MongoClient CLIENT = MongoClients.create(MONGO.uri());

  @AfterAll
  static void stop() {
    CLIENT.close();
    MONGO.close();
  }

  /** {@link #CALLS} calls on day 1 (every third one in 汉阳, shuffled), one on day 2. */
  static CaseList registered(MongoDatabase database) {
    StatsStore store = new StatsStore(database, Clock.systemUTC());
    StatsStore.Generation g = store.generation(1);
    StatsProjection projection = new StatsProjection(SETTINGS);
    Instant day1 = Scenario.DAY_1.atTime(9, 0).atZone(Scenario.ZONE).toInstant();
    List<Integer> order = new ArrayList<>();
    for (int n = CALLS; n >= 1; n--) {
      order.add(n);
    }
    order.forEach(n -> projection.apply(g, call(n, n % 3 == 0 ? "HANYANG" : "JIANGAN", day1.plusSeconds(n))));
    projection.apply(g, call(CALLS + 1, "JIANGAN", day1.plus(Duration.ofDays(1))));
    return new CaseList(store);
  }

  static List<String> ticketsOf(CaseList list, LocalDate from, LocalDate to, String district) {
    List<String> tickets = new ArrayList<>();
    list.forEach(new DashboardFilter(from, to, district, null, null), row -> tickets.add(row.ticketId()));
    return tickets;
  }

  static String ticket(int n) {
    return "WH20261102" + String.format("%06d", n);
  }

  private static EventEnvelope<?> call(int n, String district, Instant at) {
    return EventEnvelope.of(EventType.COMPLAINT_REGISTERED, ticket(n), "intake-service", at,
        new ComplaintRegistered(new CaseFacts(district, "SANITATION", "NORMAL", null), "赵六", "13700001111", false,
            "PHONE", "COMPLAINT", "汉南大道", "垃圾堆积", "operator", false, null, null, null, null, null));
  }

  @Test
  void everyCaseOfEachDayIsListedOnceInTicketOrder() {
    CaseList list = registered(CLIENT.getDatabase("case-list"));

    List<String> day1 = ticketsOf(list, Scenario.DAY_1, Scenario.DAY_1, null);
    assertThat(day1).hasSize(CALLS).isSorted().startsWith(ticket(1)).endsWith(ticket(CALLS));
    assertThat(ticketsOf(list, Scenario.DAY_1, Scenario.DAY_2, null)).hasSize(CALLS + 1).endsWith(ticket(CALLS + 1));
    assertThat(ticketsOf(list, Scenario.DAY_2, Scenario.DAY_2, null)).containsExactly(ticket(CALLS + 1));
    assertThat(ticketsOf(list, Scenario.DAY_1, Scenario.DAY_2, "HANYANG")).hasSize(CALLS / 3)
        .allMatch(t -> Integer.parseInt(t.substring(10)) % 3 == 0);
  }
}
