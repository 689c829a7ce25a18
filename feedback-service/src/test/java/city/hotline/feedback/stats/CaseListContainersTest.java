package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;

import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The case list's query on the statistics' tickets against the official MongoDB image: its index
 * {day, _id} is declared, answers a day's batch without a scan or an in-memory sort, and lists every case
 * in ticket order. Skipped where no Docker engine is reachable.
 */
@Testcontainers(disabledWithoutDocker = true)
class CaseListContainersTest {

  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

  @Test
  void aDaysTicketsAreReadFromTheirIndexInTicketOrder() {
    try (MongoClient client = MongoClients.create(MONGO.getConnectionString())) {
      MongoDatabase database = client.getDatabase("feedback-case-list");
      CaseList list = CaseListFeed.registered(database);

      assertThat(CaseListFeed.ticketsOf(list, Scenario.DAY_1, Scenario.DAY_1, null))
          .hasSize(CaseListFeed.CALLS).isSorted();
      assertThat(CaseListFeed.ticketsOf(list, Scenario.DAY_2, Scenario.DAY_2, null))
          .containsExactly(CaseListFeed.ticket(CaseListFeed.CALLS + 1));

      MongoCollection<Document> tickets = database.getCollection("stats_g1_tickets");
      List<Document> keys = tickets.listIndexes().map(i -> i.get("key", Document.class)).into(new ArrayList<>());
      assertThat(keys).contains(new Document(StatsStore.TICKET_DAY, 1).append("_id", 1));
      String plan = tickets.find(Filters.and(Filters.eq(StatsStore.TICKET_DAY, Scenario.DAY_1.toString()),
              Filters.gt("_id", CaseListFeed.ticket(500))))
          .sort(Sorts.ascending("_id")).limit(500).explain().get("queryPlanner", Document.class)
          .get("winningPlan", Document.class).toJson();
      assertThat(plan).contains("IXSCAN").doesNotContain("COLLSCAN").doesNotContain("\"SORT\"");
    }
  }
}
