package city.hotline.dispatch.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.dispatch.DispatchTestBase;
import city.hotline.support.kafka.ConsumerPositionsConfiguration.PositionKeeper;
import city.hotline.testsupport.ServiceTestSupport;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Dispatch's database comes back older than what it had consumed, as after restoring last night's backup:
 * cases it had created are gone, while Kafka's committed offsets are past their registrations. It starts
 * from the positions kept in its own database, so the registrations are read again and the cases return,
 * and the cases it still had are not dispatched a second time.
 */
class RestoredDatabaseTest extends DispatchTestBase {
  @Autowired
  MongoDatabase database;
  @Autowired
  KafkaListenerEndpointRegistry listeners;
  @Autowired
  PositionKeeper positions;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "dispatch-restored-it");
  }

  @Test
  void casesLostWithARestoredDatabaseComeBackFromTheTopic() {
    String kept = register("JIANGAN", "STREET_LIGHTING", false);
    String lost = register("WUCHANG", "MANHOLE_COVERS", false);
    awaitCase(kept, "DISPATCHED");
    awaitCase(lost, "DISPATCHED");
    await().atMost(WAIT).until(() -> probe.caughtUp("dispatch-service", "hotline.intake.events"));

    listeners.stop();
    positions.flushNow();
    // The backup: taken before the second call reached dispatch; its positions are where they stood then.
    database.getCollection(CaseRepository.COLLECTION).deleteOne(Filters.eq("_id", lost));
    database.getCollection("consumer_positions").updateMany(
        Filters.regex("_id", "^dispatch-service\\|hotline\\.intake\\.events\\|"), Updates.set("offset", 0L));
    assertThat(caseOf(lost).path("status").asInt()).as("the lost case before the restart").isEqualTo(404);
    listeners.start();

    awaitCase(lost, "DISPATCHED");
    assertThat(caseOf(lost).path("unitId").asString()).isEqualTo("WUCHANG_CGJ");
    assertThat(eventTypes(kept).stream().filter("CaseDispatched"::equals)).as("the kept case, dispatched once").hasSize(1);
  }

  @Test
  void aClaimTheRestoredDatabaseForgotIsPutBackAsItWasMade() {
    String ticketId = register("JIANGAN", "STREET_LIGHTING", false);
    awaitCase(ticketId, "DISPATCHED");
    assertThat(as("BUREAU", "JIANGAN_CGJ").post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(200);
    String claimedAt = caseOf(ticketId).path("claimedAt").asString();
    await().atMost(WAIT).until(() -> eventTypes(ticketId).contains("CaseClaimed")
        && probe.caughtUp("dispatch-claim-replay", "hotline.dispatch.events"));

    listeners.stop();
    positions.flushNow();
    // The backup: taken after the dispatch, before the claim.
    database.getCollection(CaseRepository.COLLECTION).updateOne(Filters.eq("_id", ticketId), Updates.combine(
        Updates.set("state", "DISPATCHED"), Updates.unset("claimedAt"), Updates.unset("claimedBy"),
        Updates.popLast("audit")));
    rewind("dispatch-claim-replay");
    listeners.start();

    awaitCase(ticketId, "CLAIMED");
    assertThat(caseOf(ticketId).path("claimedAt").asString()).as("the claim as it was made").isEqualTo(claimedAt);
    assertThat(eventTypes(ticketId).stream().filter("CaseClaimed"::equals)).as("published once").hasSize(1);
  }

  @Test
  void readingTheTopicAgainNeverClaimsACaseTheUnitReturnedAndGotBack() {
    String ticketId = register("JIANGAN", "STREET_LIGHTING", false);
    awaitCase(ticketId, "DISPATCHED");
    var bureau = as("BUREAU", "JIANGAN_CGJ");
    assertThat(bureau.post("/api/cases/" + ticketId + "/claim", "").status()).isEqualTo(200);
    assertThat(bureau.post("/api/cases/" + ticketId + "/return",
        java.util.Map.of("reason", "NOT_OUR_RESPONSIBILITY", "note", "不归我们管")).status()).isEqualTo(200);
    assertThat(as("DISPATCHER").post("/api/cases/" + ticketId + "/dispatch",
        java.util.Map.of("unitId", "JIANGAN_CGJ", "confirmReturnedUnit", true)).status()).isEqualTo(200);
    awaitCase(ticketId, "DISPATCHED");
    await().atMost(WAIT).until(() -> eventTypes(ticketId).stream().filter("CaseDispatched"::equals).count() == 2
        && probe.caughtUp("dispatch-claim-replay", "hotline.dispatch.events"));

    listeners.stop();
    positions.flushNow();
    rewind("dispatch-claim-replay");
    listeners.start();

    await().atMost(WAIT).until(() -> probe.caughtUp("dispatch-claim-replay", "hotline.dispatch.events"));
    assertThat(caseOf(ticketId).path("state").asString()).as("back with the unit, waiting to be claimed again")
        .isEqualTo("DISPATCHED");
  }

  /** The group's positions as a backup from before every event of this test holds them. */
  private void rewind(String group) {
    database.getCollection("consumer_positions").updateMany(Filters.regex("_id", "^" + group + "\\|"),
        Updates.set("offset", 0L));
  }
}
