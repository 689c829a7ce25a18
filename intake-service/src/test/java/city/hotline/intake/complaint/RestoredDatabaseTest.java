package city.hotline.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.intake.IntakeIntegrationTest;
import city.hotline.testsupport.ServiceIntegrationTest;
import city.hotline.testsupport.ServiceTestSupport;
import com.mongodb.client.MongoDatabase;
import com.mongodb.client.model.Filters;
import com.mongodb.client.model.Updates;
import city.hotline.support.kafka.ConsumerPositionsConfiguration.PositionKeeper;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Intake's database restored from a backup taken before today's last calls: the work orders and the day's
 * counter are older than the topic. Starting again, intake reads today's numbers from its topic, so the next
 * call is not given a number a caller has already been told, and writes the forgotten work orders again from
 * their events.
 */
class RestoredDatabaseTest extends ServiceIntegrationTest {
  @Autowired
  MongoDatabase database;
  @Autowired
  TicketFloor floor;
  @Autowired
  TicketSequence sequence;
  @Autowired
  KafkaListenerEndpointRegistry listeners;
  @Autowired
  PositionKeeper positions;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "intake-restored-it");
  }

  @Override
  protected List<String> probedTopics() {
    return List.of("hotline.intake.events");
  }

  @Test
  void aRestoredDatabaseNeverGivesOutANumberTheTopicHolds() {
    String first = register();
    String second = register();
    await().atMost(WAIT).until(() -> !probe.events(second).isEmpty());

    // The restore: a backup from before either call.
    database.getCollection("ticket_counters").deleteMany(Filters.empty());
    database.getCollection("complaints").deleteMany(Filters.in("_id", first, second));
    floor.afterPropertiesSet(); // what intake does on start

    String next = register();
    assertThat(next).isNotIn(first, second);
    assertThat(TicketNumber.sequence(next)).isEqualTo(TicketNumber.sequence(second) + 1);
  }

  @Test
  void onlyTodaysNumbersCount() {
    probe.publish("hotline.intake.events", "WH20200101999999", "{}");
    await().atMost(WAIT).until(() -> probe.records().stream().anyMatch(r -> "WH20200101999999".equals(r.key())));
    assertThat(floor.highestOnTopic(sequence.today())).isLessThan(999_999);
  }

  @Test
  void aForgottenWorkOrderIsWrittenAgainFromItsEvent() {
    String ticketId = register();
    await().atMost(WAIT).until(() -> !probe.events(ticketId).isEmpty()
        && probe.caughtUp("intake-registration-replay", "hotline.intake.events"));
    var before = as("OPERATOR").get("/api/complaints/" + ticketId).body();

    listeners.stop();
    positions.flushNow();
    database.getCollection("complaints").deleteOne(Filters.eq("_id", ticketId));
    database.getCollection("consumer_positions").updateMany(Filters.regex("_id", "^intake-registration-replay\\|"),
        Updates.set("offset", 0L));
    listeners.start();

    await().atMost(WAIT).until(() -> as("OPERATOR").get("/api/complaints/" + ticketId).status() == 200);
    var after = as("OPERATOR").get("/api/complaints/" + ticketId).body();
    for (String field : List.of("callerPhone", "district", "category", "urgency", "address", "description", "status",
        "registeredAt")) {
      assertThat(after.path(field)).as(field).isEqualTo(before.path(field));
    }
    assertThat(after.path("timeline")).as("the registration step, once").hasSize(1);
    assertThat(probe.events(ticketId)).as("not published again").hasSize(1);
    assertThat(as("OPERATOR").get("/api/complaints?phone=13812341234").body().toString()).contains(ticketId);
  }

  @Test
  void aCallWhoseEveryNumberIsTakenIsRefusedAndNothingStored() {
    long last = TicketNumber.sequence(register());
    String day = sequence.todayKey();
    for (long taken = last + 1; taken <= last + 3; taken++) { // a counter behind its own work orders
      database.getCollection("complaints").insertOne(new org.bson.Document("_id", TicketNumber.of(day, taken))
          .append("registration", "another call"));
    }
    long before = database.getCollection("complaints").countDocuments();

    var refused = as("OPERATOR").post("/api/complaints", IntakeIntegrationTest.call());
    assertThat(refused.status()).isEqualTo(409);
    assertThat(refused.body().path("code").asString()).isEqualTo("TICKET_NUMBER_TAKEN");
    assertThat(database.getCollection("complaints").countDocuments()).as("nothing stored").isEqualTo(before);
    assertThat(TicketNumber.sequence(register())).as("the next call goes on above them").isEqualTo(last + 4);
  }

  private String register() {
    var reply = as("OPERATOR").post("/api/complaints", IntakeIntegrationTest.call());
    assertThat(reply.status()).isEqualTo(201);
    return reply.body().path("ticketId").asString();
  }
}
