package city.hotline.dispatch.casework;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.contracts.CaseFacts;
import city.hotline.contracts.ComplaintRegistered;
import city.hotline.dispatch.routing.Unit;
import city.hotline.dispatch.sla.Deadlines;
import city.hotline.support.security.Caller;
import city.hotline.support.security.Role;
import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Set;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The desk's view of every open case, a page at a time: cases with a unit by deadline, then the desk's by waiting time. */
class QueueServiceTest {
  private static final Instant NOW = Instant.parse("2026-12-07T02:00:00Z");
  private static final Unit JIANGAN = new Unit("JIANGAN_CGJ", "江岸区城管局");
  private static final Caller DESK = new Caller("desk", "派单员", Set.of(Role.DISPATCHER), null);

  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());
  private final CaseRepository cases = new CaseRepository(client.getDatabase("dispatch-queues"));
  private final QueueService queues = new QueueService(cases, Clock.fixed(NOW, ZoneOffset.UTC));

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  private void open(String ticketId, boolean routed, Instant at, Duration toClaim) {
    ComplaintRegistered call = new ComplaintRegistered(new CaseFacts("JIANGAN", "SANITATION", "NORMAL", null), "李四",
        "13912345678", false, "PHONE", "COMPLAINT", "解放大道1号", "垃圾未清运", "operator", false, null, null, null, null,
        null);
    Case.Opened opened = routed
        ? Case.dispatched(ticketId, call, at, at, JIANGAN, "JIANGAN|*", 1, new Deadlines(at.plus(toClaim), at.plus(Duration.ofDays(5))))
        : Case.awaitingManualDispatch(ticketId, call, at, at, "no rule");
    cases.insertIfAbsent(opened.kase(), new Document("eventId", ticketId));
  }

  private List<String> page(QueueService.Filter filter, int page, int size) {
    return queues.queue(DESK, filter, page, size).items().stream().map(QueueItem::ticketId).toList();
  }

  @Test
  void casesWithAUnitComeFirstBySoonestDeadlineThenTheDesksByLongestWaitingAcrossPages() {
    open("WH20261207000001", true, NOW.minusSeconds(600), Duration.ofHours(2));
    open("WH20261207000002", false, NOW.minusSeconds(300), null);
    open("WH20261207000003", true, NOW.minusSeconds(60), Duration.ofMinutes(30));
    open("WH20261207000004", false, NOW.minusSeconds(900), null);
    open("WH20261207000005", true, NOW.minusSeconds(7200), Duration.ofMinutes(30));
    QueueService.Filter any = new QueueService.Filter(null, null, null, null, null, null);

    assertThat(queues.queue(DESK, any, 0, 2).total()).isEqualTo(5);
    assertThat(page(any, 0, 2)).containsExactly("WH20261207000005", "WH20261207000003");
    assertThat(page(any, 1, 2)).as("the page that spans both").containsExactly("WH20261207000001", "WH20261207000004");
    assertThat(page(any, 2, 2)).containsExactly("WH20261207000002");
    assertThat(page(any, 3, 2)).isEmpty();

    QueueService.Filter overdue = new QueueService.Filter(null, null, null, null, true, null);
    assertThat(page(overdue, 0, 10)).as("claim deadline passed an hour and a half ago").containsExactly("WH20261207000005");
    QueueService.Filter onTime = new QueueService.Filter(null, null, null, null, false, null);
    assertThat(page(onTime, 0, 10)).containsExactly("WH20261207000003", "WH20261207000001", "WH20261207000004",
        "WH20261207000002");
  }
}
