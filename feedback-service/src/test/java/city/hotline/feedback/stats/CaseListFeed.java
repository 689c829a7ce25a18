package city.hotline.feedback.stats;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.contracts.EventType;
import com.mongodb.client.MongoDatabase;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/** A busy day of registrations counted into a fresh read model, and the case list read back, for the case-list tests. */
final class CaseListFeed {
  static final StatsSettings SETTINGS = new StatsSettings(Scenario.ZONE, 30, 1100, SummaryTest.WEIGHTS,
      Duration.ofSeconds(1), Duration.ofSeconds(1), Duration.ofSeconds(1));
  /** More than two of the case list's batches. */
  static final int CALLS = 1_201;

  private CaseListFeed() {}

  /** {@link #CALLS} calls on day 1 (every third one in 汉阳), counted last first, and one on day 2. */
  static CaseList registered(MongoDatabase database) {
    StatsStore store = new StatsStore(database, Clock.systemUTC());
    StatsStore.Generation g = store.generation(1);
    StatsProjection projection = new StatsProjection(SETTINGS);
    Instant day1 = Scenario.DAY_1.atTime(9, 0).atZone(Scenario.ZONE).toInstant();
    for (int n = CALLS; n >= 1; n--) {
      projection.apply(g, call(n, n % 3 == 0 ? "HANYANG" : "JIANGAN", day1.plusSeconds(n)));
    }
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
}
