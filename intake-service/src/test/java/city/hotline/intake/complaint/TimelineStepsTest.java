package city.hotline.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Instant;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import java.util.List;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * How dispatch's and feedback's events land on a work order, against mongo-java-server in memory (the
 * embedded mode's keyed on-disk store answers the same filter alike: {@code KeyedH2BackendTest}).
 */
class TimelineStepsTest {
  private static final String TICKET = "WH20261205000001";
  private static final Instant REGISTERED_AT = Instant.parse("2026-12-05T01:00:00Z");

  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());
  private final ComplaintRepository complaints = new ComplaintRepository(client.getDatabase("intake"));
  private final MongoCollection<WorkOrder> workOrders =
      client.getDatabase("intake").getCollection(ComplaintRepository.COLLECTION, WorkOrder.class);

  @BeforeEach
  void registered() {
    assertThat(complaints.insert(WorkOrder.register(TICKET, WorkOrderTest.call(null, null, null), "call:1",
        REGISTERED_AT, "operator", List.of(), new WorkOrder.PlaceKeys(null, null), new Document("eventId", "registered"))))
        .isTrue();
  }

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void aNewStepMovesTheStatusAndTheHandlingUnit() {
    assertThat(complaints.recordStep(TICKET, "e1", step(60, ComplaintStatus.DISPATCHED), unit("JIANGAN_CGJ"))).isTrue();

    ComplaintView view = complaints.find(TICKET).orElseThrow().view();
    assertThat(view.status()).isEqualTo(ComplaintStatus.DISPATCHED);
    assertThat(view.unitId()).isEqualTo("JIANGAN_CGJ");
    assertThat(statuses()).containsExactly(ComplaintStatus.REGISTERED, ComplaintStatus.DISPATCHED);
    assertThat(status()).isEqualTo(ComplaintStatus.DISPATCHED);
  }

  @Test
  void aRedeliveredStepIsRecordedOnceAndDoesNotUndoALaterOne() {
    complaints.recordStep(TICKET, "e1", step(60, ComplaintStatus.DISPATCHED), unit("JIANGAN_CGJ"));
    complaints.recordStep(TICKET, "e2", step(120, ComplaintStatus.CLAIMED), unit("JIANGAN_CGJ"));

    assertThat(complaints.recordStep(TICKET, "e1", step(60, ComplaintStatus.DISPATCHED), unit("JIANGAN_CGJ"))).isTrue();
    assertThat(complaints.recordStep(TICKET, "e2", step(120, ComplaintStatus.CLAIMED), unit("JIANGAN_CGJ"))).isTrue();

    assertThat(status()).isEqualTo(ComplaintStatus.CLAIMED);
    assertThat(statuses()).containsExactly(ComplaintStatus.REGISTERED, ComplaintStatus.DISPATCHED, ComplaintStatus.CLAIMED);
  }

  @Test
  void aLateStepJoinsTheTimelineButLeavesTheNewerStatus() {
    complaints.recordStep(TICKET, "e2", step(120, ComplaintStatus.CLAIMED), unit("JIANGAN_CGJ"));

    assertThat(complaints.recordStep(TICKET, "e1", step(60, ComplaintStatus.DISPATCHED), unit("WUCHANG_CGJ"))).isTrue();

    ComplaintView view = complaints.find(TICKET).orElseThrow().view();
    assertThat(view.status()).isEqualTo(ComplaintStatus.CLAIMED);
    assertThat(view.unitId()).as("a late event does not hand the work order to another unit").isEqualTo("JIANGAN_CGJ");
    assertThat(statuses()).containsExactly(ComplaintStatus.REGISTERED, ComplaintStatus.DISPATCHED, ComplaintStatus.CLAIMED);
  }

  @Test
  void aStepWhoseStatusWasNeverMovedMovesItWhenRedelivered() {
    // What a crash between an older version's two writes left: the step on the timeline, the status not yet moved.
    TimelineEntry dispatched = step(60, ComplaintStatus.DISPATCHED);
    workOrders.updateOne(Filters.eq(WorkOrder.ID, TICKET), Updates.push(WorkOrder.TIMELINE, new WorkOrder.Step("e1",
        dispatched.at(), dispatched.status(), dispatched.actor(), dispatched.note())));

    assertThat(complaints.recordStep(TICKET, "e1", step(60, ComplaintStatus.DISPATCHED), unit("JIANGAN_CGJ"))).isTrue();

    assertThat(status()).isEqualTo(ComplaintStatus.DISPATCHED);
    assertThat(complaints.find(TICKET).orElseThrow().unitId()).isEqualTo("JIANGAN_CGJ");
    assertThat(statuses()).containsExactly(ComplaintStatus.REGISTERED, ComplaintStatus.DISPATCHED);
  }

  @Test
  void aNoteLeavesTheStatusAndIsRecordedOnce() {
    complaints.recordStep(TICKET, "e1", step(60, ComplaintStatus.DISPATCHED), unit("JIANGAN_CGJ"));
    TimelineEntry press = new TimelineEntry(REGISTERED_AT.plusSeconds(90), null, "派单员", "督办: 请尽快");

    assertThat(complaints.recordStep(TICKET, "n1", press, unit("JIANGAN_CGJ"))).isTrue();
    assertThat(complaints.recordStep(TICKET, "n1", press, unit("JIANGAN_CGJ"))).isTrue();

    assertThat(status()).isEqualTo(ComplaintStatus.DISPATCHED);
    assertThat(complaints.find(TICKET).orElseThrow().view().timeline()).filteredOn(s -> s.note().equals("督办: 请尽快")).hasSize(1);
  }

  @Test
  void aStepOrNoteForAnUnknownTicketIsReportedSoTheEventIsDeadLettered() {
    assertThat(complaints.recordStep("WH20261205009999", "e1", step(60, ComplaintStatus.DISPATCHED),
        unit("JIANGAN_CGJ"))).isFalse();
    assertThat(complaints.recordStep("WH20261205009999", "n1",
        new TimelineEntry(REGISTERED_AT, null, "派单员", "督办"), unit("JIANGAN_CGJ"))).isFalse();
    assertThat(complaints.find("WH20261205009999")).isEmpty();
  }

  private static WorkOrder.Handling unit(String unitId) {
    return new WorkOrder.Handling(unitId, null);
  }

  private static TimelineEntry step(int secondsAfterRegistration, ComplaintStatus status) {
    return new TimelineEntry(REGISTERED_AT.plusSeconds(secondsAfterRegistration), status, "system", status.name());
  }

  private ComplaintStatus status() {
    return complaints.find(TICKET).orElseThrow().status();
  }

  private List<ComplaintStatus> statuses() {
    return complaints.find(TICKET).orElseThrow().view().timeline().stream().map(TimelineEntry::status).toList();
  }
}
