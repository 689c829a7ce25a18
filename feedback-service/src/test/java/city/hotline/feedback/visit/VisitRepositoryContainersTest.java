package city.hotline.feedback.visit;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Sorts;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.Test;
import org.testcontainers.junit.jupiter.Container;
import org.testcontainers.junit.jupiter.Testcontainers;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * Every query and index of the visit repository against the official MongoDB image: the typed visit
 * round-trips through the driver's codecs, each guarded change applies once, and the queue, the
 * no-response clock and the link lookup are answered from their indexes (no collection scan, no
 * in-memory sort). Skipped where no Docker engine is reachable.
 */
@Testcontainers(disabledWithoutDocker = true)
class VisitRepositoryContainersTest {
  private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.MILLIS);
  private static final CaseFacts FACTS = new CaseFacts("HANYANG", "SANITATION", "NORMAL", "HANYANG_CGJ");

  @Container
  static final MongoDBContainer MONGO = new MongoDBContainer("mongo:8.0");

  private static ComplaintRegistered registered() {
    return new ComplaintRegistered(new CaseFacts("HANYANG", "SANITATION", "NORMAL", null), "赵六", "13700001111",
        false, "PHONE", "COMPLAINT", "汉南大道", "垃圾堆积", "operator", false, null, null, null, null, null);
  }

  @Test
  void aVisitIsOpenedOnceChangedOnceAndFoundByItsQueueDeadlineAndLink() {
    try (MongoClient client = MongoClients.create(MONGO.getConnectionString())) {
      MongoDatabase database = client.getDatabase("feedback-visits-test");
      VisitRepository visits = new VisitRepository(database);
      visits.noteRegistered("WH20261123000001", registered());
      visits.open("WH20261123000001", "e1", FACTS, NOW.minus(Duration.ofHours(2)), "已清运", NOW.minusSeconds(1));
      visits.open("WH20261123000002", "e2", FACTS, NOW.minus(Duration.ofHours(1)), "已修复", NOW.plusSeconds(3600));
      visits.open("WH20261123000001", "e1", FACTS, NOW, "redelivered", NOW.plusSeconds(3600));

      Visit first = visits.find("WH20261123000001").orElseThrow();
      assertThat(first.state()).isEqualTo(VisitState.OPEN);
      assertThat(first.caller()).isEqualTo(new Visit.Caller("赵六", "13700001111", false));
      assertThat(first.facts()).isEqualTo(FACTS);
      assertThat(first.reply()).isEqualTo("已清运");
      assertThat(first.returnVisitDeadline()).isEqualTo(NOW.minusSeconds(1));
      assertThat(visits.openPage(0, 10)).extracting(Visit::ticketId)
          .containsExactly("WH20261123000001", "WH20261123000002");
      assertThat(visits.openPage(1, 1)).extracting(Visit::ticketId).containsExactly("WH20261123000002");
      assertThat(visits.countOpen()).isEqualTo(2);
      assertThat(visits.openAndDue(NOW, 10)).extracting(Visit::ticketId).containsExactly("WH20261123000001");

      VisitChange link = first.issueLink("hash-1", "operator", NOW, NOW.plus(Duration.ofDays(7)));
      assertThat(visits.apply(link, null)).isTrue();
      assertThat(visits.apply(link.setting(Visit.REPLY, "again"), null)).isTrue(); // issuing changes no guard
      Visit linked = visits.findByLink("hash-1").orElseThrow();
      assertThat(linked.ratingLink().hash()).isEqualTo("hash-1");
      assertThat(visits.findByLink("hash-2")).isEmpty();

      VisitChange rating = linked.rateThroughLink("hash-1", new Attempt(true, Satisfaction.SATISFIED, 5, true, "好"),
          NOW, 3, 2);
      Document outboxEntry = new Document("eventId", "x").append("at", NOW);
      assertThat(visits.apply(rating, outboxEntry)).isTrue();
      assertThat(visits.apply(rating, outboxEntry)).as("the same change again finds the visit moved on").isFalse();
      Visit closed = visits.find("WH20261123000001").orElseThrow();
      assertThat(closed.state()).isEqualTo(VisitState.CLOSED);
      assertThat(closed.outcome()).isEqualTo("SATISFIED");
      assertThat(closed.ratingLink().usedAt()).isEqualTo(NOW);
      assertThat(closed.attempts()).extracting(Visit.Call::satisfaction).containsExactly(Satisfaction.SATISFIED);
      assertThat(database.getCollection(VisitRepository.COLLECTION).find(Filters.eq("_id", "WH20261123000001"))
          .first().getList("outbox", Document.class)).hasSize(1);
      assertThat(visits.openPage(0, 10)).extracting(Visit::ticketId).containsExactly("WH20261123000002");
      assertThat(visits.openAndDue(NOW, 10)).isEmpty();
    }
  }

  @Test
  void theQueueTheClockAndTheLinkLookupReadTheirIndexes() {
    try (MongoClient client = MongoClients.create(MONGO.getConnectionString())) {
      MongoDatabase database = client.getDatabase("feedback-visits-plans");
      new VisitRepository(database);
      MongoCollection<Document> visits = database.getCollection(VisitRepository.COLLECTION);
      List<Document> keys = visits.listIndexes().map(i -> i.get("key", Document.class)).into(new ArrayList<>());
      assertThat(keys).contains(new Document("state", 1).append("resolvedAt", 1).append("_id", 1),
          new Document("state", 1).append("returnVisitDeadline", 1), new Document("linkHashes", 1));

      assertIndexedWithoutSort(visits, Filters.eq("state", "OPEN"), Sorts.ascending("resolvedAt", "_id"));
      assertIndexedWithoutSort(visits, Filters.and(Filters.eq("state", "OPEN"), Filters.lte("returnVisitDeadline", NOW)),
          Sorts.ascending("returnVisitDeadline"));
      assertIndexedWithoutSort(visits, Filters.eq("linkHashes", "hash-1"), null);
    }
  }

  private static void assertIndexedWithoutSort(MongoCollection<Document> visits, Bson filter, Bson sort) {
    String plan = visits.find(filter).sort(sort).explain().get("queryPlanner", Document.class)
        .get("winningPlan", Document.class).toJson();
    assertThat(plan).contains("IXSCAN").doesNotContain("COLLSCAN").doesNotContain("\"SORT\"");
  }
}
