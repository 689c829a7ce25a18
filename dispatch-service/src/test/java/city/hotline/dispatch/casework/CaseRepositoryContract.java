package city.hotline.dispatch.casework;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.dispatch.routing.Unit;
import city.hotline.dispatch.sla.Deadlines;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.bson.conversions.Bson;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every query and guarded write of {@link CaseRepository}, run on a store given by the subclass: the
 * embedded one here, the official MongoDB image where Docker is. Each test uses a database of its own.
 */
abstract class CaseRepositoryContract {
  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  protected static final Unit JIANGAN = new Unit("JIANGAN_CGJ", "江岸区城管局");
  protected static final Unit WUCHANG = new Unit("WUCHANG_CGJ", "武昌区城管局");
  private static int databases;

  protected MongoDatabase database;
  protected CaseRepository cases;

  protected abstract MongoDatabase database(String name);

  @BeforeEach
  void freshDatabase() {
    database = database("dispatch-repository-" + (++databases) + "-" + System.nanoTime());
    cases = new CaseRepository(database);
  }

  private static Case.Opened opened(String ticketId, Unit unit, String category, Instant claimBy) {
    ComplaintRegistered call = new ComplaintRegistered(new CaseFacts("JIANGAN", category, "NORMAL", null), "李四",
        "13912345678", false, "PHONE", "COMPLAINT", "解放大道1号", "井盖缺失", "operator", false, null, null, null, null,
        null);
    Deadlines deadlines = new Deadlines(claimBy, claimBy.plus(Duration.ofDays(5)));
    return unit == null ? Case.awaitingManualDispatch(ticketId, call, NOW, NOW.minusSeconds(3600), "no rule")
        : Case.dispatched(ticketId, call, NOW, NOW.minusSeconds(3600), unit, "JIANGAN|*", 1, deadlines);
  }

  protected Case store(String ticketId, Unit unit, String category, Instant claimBy) {
    Case kase = opened(ticketId, unit, category, claimBy).kase();
    assertThat(cases.insertIfAbsent(kase, new Document("eventId", ticketId).append("at", NOW))).isTrue();
    return kase;
  }

  @Test
  void aCaseIsStoredOnceWithItsEventAndReadBackAsItWasWritten() {
    Case kase = store("WH20261207000001", JIANGAN, "SANITATION", NOW.plusSeconds(60));
    assertThat(cases.insertIfAbsent(kase, new Document("eventId", "again"))).as("a redelivery").isFalse();
    Case read = cases.find("WH20261207000001").orElseThrow();
    assertThat(read).isEqualTo(kase);
    assertThat(database.getCollection(CaseRepository.COLLECTION).find(Filters.eq("_id", "WH20261207000001")).first()
        .getList("outbox", Document.class)).extracting(e -> e.getString("eventId")).containsExactly("WH20261207000001");
    assertThat(cases.find("WH20261207999999")).isEmpty();
  }

  @Test
  void ofTwoClaimsFromTheSamePictureOneIsWrittenWithItsEventInTheOutbox() {
    Case kase = store("WH20261207000002", JIANGAN, "SANITATION", NOW.plusSeconds(60));
    assertThat(cases.apply(kase.claim("a", NOW), new Document("eventId", "claim-a"))).hasValueSatisfying(c -> {
      assertThat(c.state()).isEqualTo(CaseState.CLAIMED);
      assertThat(c.claimedBy()).isEqualTo("a");
      assertThat(c.rev()).isEqualTo(1);
      assertThat(c.audit()).extracting(Case.AuditEntry::action).containsExactly("DISPATCH", "CLAIM");
    });
    assertThat(cases.apply(kase.claim("b", NOW), new Document("eventId", "claim-b"))).isEmpty();
    assertThat(cases.find(kase.ticketId()).orElseThrow().claimedBy()).isEqualTo("a");
    assertThat(database.getCollection(CaseRepository.COLLECTION).find().first().getList("outbox", Document.class))
        .extracting(e -> e.getString("eventId")).containsExactly(kase.ticketId(), "claim-a");
  }

  @Test
  void anExtensionRequestAndItsApprovalRoundTripThroughTheStore() {
    Case kase = store("WH20261207000003", JIANGAN, "SANITATION", NOW.plusSeconds(60));
    Case claimed = cases.apply(kase.claim("a", NOW), null).orElseThrow();
    Instant later = claimed.resolveDeadline().plus(Duration.ofDays(1));
    Case pending = cases.apply(claimed.requestExtension("a", "需协调", later, NOW, Duration.ofDays(30),
        ZoneId.of("Asia/Shanghai")), null).orElseThrow();
    assertThat(pending.extension().status()).isEqualTo(ExtensionStatus.PENDING);
    assertThat(cases.count(EnumSet.of(CaseState.CLAIMED), List.of(Filters.eq(Case.EXTENSION_STATUS,
        ExtensionStatus.PENDING)))).isEqualTo(1);
    Case approved = cases.apply(pending.decideExtension("desk", true, "同意", NOW), null).orElseThrow();
    assertThat(approved.resolveDeadline()).isEqualTo(later);
    assertThat(approved.dueAt()).isEqualTo(later);
    assertThat(cases.apply(pending.decideExtension("desk", false, "晚了", NOW), null)).as("decided already").isEmpty();
  }

  @Test
  void aUnitsQueueIsItsCasesInAStateSoonestDeadlineFirstOnePageAtATime() {
    for (int i = 0; i < 5; i++) {
      store("WH2026120710000" + i, JIANGAN, i == 2 ? "STREET_LIGHTING" : "SANITATION", NOW.plusSeconds(600 - 100 * i));
    }
    store("WH20261207200000", WUCHANG, "SANITATION", NOW.plusSeconds(1));
    store("WH20261207300000", null, "SANITATION", NOW.plusSeconds(5));
    List<Bson> jiangan = List.of(Filters.eq(Case.UNIT_ID, "JIANGAN_CGJ"));
    EnumSet<CaseState> withUnit = EnumSet.of(CaseState.DISPATCHED, CaseState.CLAIMED);

    assertThat(cases.count(withUnit, jiangan)).isEqualTo(5);
    assertThat(cases.page(withUnit, jiangan, 0, 2)).extracting(Case::ticketId)
        .containsExactly("WH20261207100004", "WH20261207100003");
    assertThat(cases.page(withUnit, jiangan, 4, 2)).extracting(Case::ticketId).containsExactly("WH20261207100000");
    List<Bson> lighting = new ArrayList<>(jiangan);
    lighting.add(Filters.eq(Case.CATEGORY, "STREET_LIGHTING"));
    assertThat(cases.page(withUnit, lighting, 0, 10)).extracting(Case::ticketId).containsExactly("WH20261207100002");
    List<Bson> overdue = List.of(Filters.eq(Case.UNIT_ID, "JIANGAN_CGJ"),
        Filters.lt(Case.DEADLINE, NOW.plusSeconds(350)));
    assertThat(cases.page(withUnit, overdue, 0, 10)).extracting(Case::ticketId)
        .containsExactly("WH20261207100004", "WH20261207100003");
    assertThat(cases.page(withUnit, jiangan, 0, 1).get(0).audit()).as("queue lines leave the trail out").isEmpty();

    assertThat(cases.page(EnumSet.of(CaseState.AWAITING_MANUAL_DISPATCH), List.of(), 0, 10)).extracting(Case::ticketId)
        .containsExactly("WH20261207300000");
    assertThat(cases.count(withUnit, List.of(Filters.not(Filters.lt(Case.DEADLINE, NOW.plusSeconds(250))))))
        .as("not overdue, across units").isEqualTo(4);
  }

  @Test
  void theBacklogReadsTheOpenCasesWithTheFieldsItCounts() {
    store("WH20261207000010", JIANGAN, "SANITATION", NOW.plusSeconds(60));
    store("WH20261207000011", null, "SANITATION", NOW.plusSeconds(60));
    Case closedOne = store("WH20261207000012", WUCHANG, "SANITATION", NOW.plusSeconds(60));
    cases.apply(closedOne.withdrawMerged("operator", "WH20261207000010", NOW, NOW).orElseThrow(), null);
    List<Case> open = cases.counted(EnumSet.of(CaseState.DISPATCHED, CaseState.CLAIMED,
        CaseState.AWAITING_MANUAL_DISPATCH, CaseState.RETURNED), List.of(Filters.eq(Case.DISTRICT, "JIANGAN")));
    assertThat(open).extracting(Case::ticketId).containsExactlyInAnyOrder("WH20261207000010", "WH20261207000011");
    assertThat(open).allSatisfy(c -> assertThat(c.description()).isNull());
    assertThat(open).filteredOn(c -> c.unitId() != null).singleElement()
        .satisfies(c -> assertThat(c.deadline()).isEqualTo(NOW.plusSeconds(60)));
  }

  @Test
  void theOverdueClockFindsTheCasesWhoseNextDeadlineHasPassedAndEachIsMarkedOnce() {
    Case late = store("WH20261207000020", JIANGAN, "SANITATION", NOW.minusSeconds(60));
    store("WH20261207000021", JIANGAN, "SANITATION", NOW.plusSeconds(60));
    store("WH20261207000022", null, "SANITATION", NOW.minusSeconds(60));
    assertThat(cases.due(NOW, 10)).extracting(Case::ticketId).containsExactly("WH20261207000020");
    CaseChange mark = late.whenDue(NOW).orElseThrow();
    assertThat(cases.apply(mark, new Document("eventId", "overdue"))).hasValueSatisfying(
        c -> assertThat(c.overdue().claim()).isEqualTo(NOW.minusSeconds(60)));
    assertThat(cases.apply(mark, new Document("eventId", "overdue-again"))).as("a racing replica").isEmpty();
    assertThat(cases.due(NOW, 10)).isEmpty();
    assertThat(cases.due(NOW.plus(Duration.ofDays(6)), 10)).extracting(Case::ticketId)
        .as("the next deadline of each: one's claim, the other's resolve (its claim marked)")
        .containsExactly("WH20261207000021", "WH20261207000020");
  }

  /** Cases written before issue 22 lack deadline and dueAt: found a batch at a time, put right once. */
  @Test
  void casesWithoutTheirClocksAreFoundInTicketOrderAndPutRightOnce() {
    store("WH20261207000030", JIANGAN, "SANITATION", NOW.minusSeconds(60));
    store("WH20261207000031", WUCHANG, "SANITATION", NOW.plusSeconds(60));
    store("WH20261207000032", JIANGAN, "SANITATION", NOW.plusSeconds(60));
    store("WH20261207000033", null, "SANITATION", NOW.minusSeconds(60));
    database.getCollection(CaseRepository.COLLECTION).updateMany(
        Filters.in("_id", "WH20261207000030", "WH20261207000031", "WH20261207000033"),
        Updates.combine(Updates.unset(Case.DEADLINE),
            Updates.unset(Case.DUE_AT)));
    List<Case> first = cases.withoutDeadline(null, 1);
    assertThat(first).extracting(Case::ticketId).containsExactly("WH20261207000030");
    assertThat(cases.withoutDeadline("WH20261207000030", 10)).extracting(Case::ticketId)
        .as("the desk's case has no deadline to give").containsExactly("WH20261207000031");
    CaseChange putRight = first.get(0).clocksPutRight().orElseThrow();
    assertThat(cases.apply(putRight, null)).hasValueSatisfying(c -> {
      assertThat(c.deadline()).isEqualTo(NOW.minusSeconds(60));
      assertThat(c.dueAt()).isEqualTo(NOW.minusSeconds(60));
    });
    assertThat(cases.apply(putRight, null)).as("a racing replica").isEmpty();
    assertThat(cases.due(NOW, 10)).extracting(Case::ticketId).containsExactly("WH20261207000030");
    assertThat(cases.withoutDeadline(null, 10)).extracting(Case::ticketId).containsExactly("WH20261207000031");
  }

  @Test
  void theIndexesTheQueriesNeedAreDeclared() {
    List<Document> keys = new ArrayList<>();
    database.getCollection(CaseRepository.COLLECTION).listIndexes().forEach(i -> keys.add(i.get("key", Document.class)));
    assertThat(keys).contains(new Document(Map.of("_id", 1)),
        new Document("unitId", 1).append("state", 1).append("deadline", 1),
        new Document("state", 1).append("deadline", 1),
        new Document("dueAt", 1));
  }
}
