package city.hotline.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.contracts.CaseFacts;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every query and guarded write of {@link ComplaintRepository} and every index it declares, run against a store the
 * subclass gives: the embedded test store here, the official MongoDB image where Docker is available.
 */
abstract class ComplaintRepositoryQueries {
  private static final String DAY = "WH20261205";
  private static final Instant AT = Instant.parse("2026-12-05T01:00:00Z");
  private static final String PHONE = "13812341234";

  private ComplaintRepository complaints;
  private MongoDatabase database;

  abstract MongoDatabase database();

  @BeforeEach
  void workOrders() {
    database = database();
    complaints = new ComplaintRepository(database);
    for (int n = 1; n <= 6; n++) {
      RegistrationRequest call = new RegistrationRequest("王芳", n <= 3 ? PHONE : "1390000000" + n, false, null, null,
          n % 2 == 0 ? "SANITATION" : "STREET_LIGHTING", "NORMAL", "WUCHANG", "中北路88号", "垃圾堆积 第" + n + "次", null,
          null, null, null, null, null);
      assertThat(complaints.insert(WorkOrder.register(ticket(n), call, "call:" + n, AT.plusSeconds(n), "operator",
          List.of(), new WorkOrder.PlaceKeys("中北路88号", "10:" + n), new Document("eventId", "registered-" + n))))
          .isTrue();
    }
  }

  private static WorkOrder.Handling unit(String unitId) {
    return new WorkOrder.Handling(unitId, null);
  }

  private static String ticket(int n) {
    return DAY + String.format("%06d", n);
  }

  @Test
  void everyIndexIsDeclared() {
    List<Document> keys = new ArrayList<>();
    database.getCollection(ComplaintRepository.COLLECTION).listIndexes().forEach(i -> keys.add(i.get("key", Document.class)));
    assertThat(keys).contains(
        new Document("callerPhone", 1).append("_id", -1),
        new Document("category", 1).append("district", 1).append("addressKey", 1).append("status", 1),
        new Document("category", 1).append("cell", 1).append("status", 1),
        new Document("status", 1).append("_id", -1),
        new Document("district", 1).append("_id", -1),
        new Document("category", 1).append("_id", -1),
        new Document("learnableAt", 1),
        new Document("suggestedAt", 1));
  }

  @Test
  void closedWorkOrdersAreReadForLearningInTheOrderTheirCloseWasWrittenFromAWatermark() {
    Instant written = AT.plusSeconds(7200);
    for (int n : List.of(5, 3)) {
      writingAt(written.plusSeconds(n)).recordStep(ticket(n), "closed-" + n, new TimelineEntry(AT.plusSeconds(60),
          ComplaintStatus.CLOSED, "v", "结案"), new WorkOrder.Handling("WUCHANG_CGJ", "GREENERY"));
    }
    writingAt(written).recordStep(ticket(1), "resolved", new TimelineEntry(AT.plusSeconds(60), ComplaintStatus.RESOLVED,
        "b", "已办"), unit("WUCHANG_CGJ"));

    List<ComplaintRepository.LearnableCall> all = new ArrayList<>();
    complaints.forEachLearnable(null, all::add);
    assertThat(all).extracting(ComplaintRepository.LearnableCall::ticketId).containsExactly(ticket(3), ticket(5));
    assertThat(all.get(0).finalCategory()).isEqualTo("GREENERY");
    assertThat(all.get(0).category()).isEqualTo("STREET_LIGHTING");
    assertThat(all.get(0).handledUnit()).isEqualTo("WUCHANG_CGJ");
    assertThat(all.get(0).description()).isEqualTo("垃圾堆积 第3次");
    List<String> since = new ArrayList<>();
    complaints.forEachLearnable(written.plusSeconds(4), call -> since.add(call.ticketId()));
    assertThat(since).containsExactly(ticket(5));
    assertThat(complaints.find(ticket(1)).orElseThrow().handledCategory()).as("resolved: the registered category")
        .isEqualTo("STREET_LIGHTING");
  }

  /** The repository as if its writes happened at {@code at}. */
  private ComplaintRepository writingAt(Instant at) {
    return new ComplaintRepository(database, Clock.fixed(at, ZoneOffset.UTC));
  }

  @Test
  void aCloseIsLearnableFromTheRealTimeOfItsWriteNotTheEventsOrTheServicesClock() {
    Instant before = Instant.now().truncatedTo(ChronoUnit.MILLIS);
    complaints.recordStep(ticket(2), "closed", new TimelineEntry(AT.plusSeconds(60), ComplaintStatus.CLOSED, "v", "结案"),
        unit("WUCHANG_CGJ"));
    Instant after = Instant.now();

    assertThat(complaints.find(ticket(2)).orElseThrow().learnableAt()).isBetween(before, after);
  }

  @Test
  void theSuggestionsShownAreReadWithWhetherTheyWereTaken() {
    RegistrationRequest call = new RegistrationRequest("王芳", PHONE, false, null, null, "SANITATION", "NORMAL",
        "WUCHANG", "中北路88号", "垃圾堆积", null, null, null, null, null, null, null,
        new RegistrationRequest.Shown("SANITATION", "HONGSHAN"));
    complaints.insert(WorkOrder.register(ticket(9), call, "call:9", AT, "operator", List.of(),
        new WorkOrder.PlaceKeys(null, null), new Document("eventId", "registered-9")));
    List<WorkOrder.Suggestion> shown = new ArrayList<>();
    complaints.forEachSuggestion(shown::add);
    assertThat(shown).containsExactly(new WorkOrder.Suggestion("SANITATION", "HONGSHAN", true, false));
  }

  @Test
  void aNumberIsStoredOnceAndARetryFindsItsOwnRegistration() {
    WorkOrder first = complaints.find(ticket(1)).orElseThrow();
    assertThat(complaints.insert(first)).isFalse();
    assertThat(complaints.findRegistration(ticket(1), "call:1")).hasValueSatisfying(o -> {
      assertThat(o.view()).isEqualTo(first.view());
      assertThat(o.location()).isNull();
      assertThat(o.outbox()).hasSize(1);
    });
    assertThat(complaints.findRegistration(ticket(1), "call:2")).isEmpty();
    assertThat(complaints.exists(ticket(2))).isTrue();
    assertThat(complaints.exists(ticket(99))).isFalse();
  }

  @Test
  void aCallersWorkOrdersComeNewestFirst() {
    assertThat(complaints.byPhone(PHONE, 2)).extracting(WorkOrder::ticketId).containsExactly(ticket(3), ticket(2));
  }

  @Test
  void onlyOpenWorkOrdersAreFoundByPlace() {
    complaints.recordStep(ticket(4), "closed", new TimelineEntry(AT.plusSeconds(60), ComplaintStatus.CLOSED, "o", "结案"),
        unit("WUCHANG_CGJ"));
    assertThat(complaints.openAtAddress("SANITATION", "WUCHANG", "中北路88号", 10)).extracting(WorkOrder::ticketId)
        .containsExactly(ticket(6), ticket(2));
    assertThat(complaints.openAtAddress("SANITATION", "HONGSHAN", "中北路88号", 10)).isEmpty();
    assertThat(complaints.openInCells("SANITATION", List.of("10:2", "10:4", "10:6", "10:7"), 1))
        .extracting(WorkOrder::ticketId).containsExactly(ticket(6));
  }

  @Test
  void aSearchPagesByTicketNumberAndCountsItsMatches() {
    Document period = new Document("_id", new Document("$gte", DAY).append("$lt", "WH20261206"));
    Document sanitation = new Document(period).append(WorkOrder.CATEGORY, "SANITATION");
    assertThat(complaints.page(sanitation, false, 1, 2)).extracting(WorkOrder::ticketId).containsExactly(ticket(4), ticket(2));
    assertThat(complaints.page(sanitation, true, 0, 1)).extracting(WorkOrder::ticketId).containsExactly(ticket(2));
    assertThat(complaints.count(sanitation)).isEqualTo(3);
    assertThat(complaints.count(Filters.and(period, Filters.regex(WorkOrder.DESCRIPTION, "\\Q第5次\\E", "i")))).isOne();
    assertThat(complaints.nth(period, false, 2)).contains(ticket(5));
    assertThat(complaints.nth(period, true, 7)).isEmpty();
  }

  @Test
  void aStepIsRecordedOnceAndTheStatusOnlyMovesForward() {
    TimelineEntry claimed = new TimelineEntry(AT.plusSeconds(120), ComplaintStatus.CLAIMED, "bureau", "签收");
    assertThat(complaints.recordStep(ticket(1), "e2", claimed, unit("WUCHANG_CGJ"))).isTrue();
    assertThat(complaints.recordStep(ticket(1), "e2", claimed, unit("WUCHANG_CGJ"))).isTrue();
    assertThat(complaints.recordStep(ticket(1), "e1",
        new TimelineEntry(AT.plusSeconds(60), ComplaintStatus.DISPATCHED, "system", "派单"), unit("OTHER"))).isTrue();
    assertThat(complaints.recordStep(ticket(1), "e3",
        new TimelineEntry(AT.plusSeconds(180), ComplaintStatus.RETURNED, "bureau", "退单"), unit("WUCHANG_CGJ")))
        .isTrue();
    assertThat(complaints.recordStep(ticket(99), "e1", claimed, unit("WUCHANG_CGJ"))).isFalse();

    WorkOrder order = complaints.find(ticket(1)).orElseThrow();
    assertThat(order.status()).isEqualTo(ComplaintStatus.RETURNED);
    assertThat(order.unitId()).isNull();
    assertThat(order.view().timeline()).extracting(TimelineEntry::status).containsExactly(ComplaintStatus.REGISTERED,
        ComplaintStatus.DISPATCHED, ComplaintStatus.CLAIMED, ComplaintStatus.RETURNED);
  }

  @Test
  void aMergeIsWrittenWithItsEventOnlyWhileMergeableAndItsCallerIsLinkedOnce() {
    WorkOrder original = complaints.find(ticket(2)).orElseThrow();
    WorkOrder.Merge merge = complaints.find(ticket(4)).orElseThrow().mergeInto(original, "operator", AT.plusSeconds(60));
    assertThat(complaints.merge(merge, new Document("eventId", "merged").append("at", AT))).hasValueSatisfying(o -> {
      assertThat(o.status()).isEqualTo(ComplaintStatus.MERGED);
      assertThat(o.mergedInto()).isEqualTo(ticket(2));
      assertThat(o.outbox()).extracting(e -> e.getString("eventId")).containsExactly("registered-4", "merged");
    });
    assertThat(complaints.merge(merge, new Document("eventId", "again"))).as("merged already").isEmpty();

    WorkOrder.Link link = original.link(complaints.find(ticket(4)).orElseThrow().asExtraCaller(), AT).orElseThrow();
    complaints.link(link);
    complaints.link(link);
    assertThat(complaints.find(ticket(2)).orElseThrow().view().duplicateCalls())
        .extracting(ComplaintView.DuplicateCall::ticketId).containsExactly(ticket(4));
    assertThat(new CaseFacts("WUCHANG", "SANITATION", "NORMAL", null)).isEqualTo(merge.event().facts());
  }
}
