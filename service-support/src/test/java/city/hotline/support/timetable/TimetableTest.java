package city.hotline.support.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.support.mongo.Buckets;
import city.hotline.testsupport.MongoWireTestServer;
import city.hotline.testsupport.MovableClock;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;
import org.bson.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** The deadline timetable against the MongoDB-wire server of the embedded mode. */
class TimetableTest {
  private static final Instant START = Instant.parse("2026-12-02T17:00:00Z");
  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());
  private final MovableClock clock = new MovableClock(START);
  private final Timetable timetable = new Timetable(client.getDatabase("t"), "timers", "timer_clock", clock);
  private final MongoCollection<Document> minutes = client.getDatabase("t").getCollection("timers");

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void aMinuteWithManyDeadlinesIsSpreadOverSmallDocumentsAndEachIsHandledOnce() {
    Instant morning = START.plus(Duration.ofHours(15)); // a night's calls, all due as the working day starts
    List<String> tickets = IntStream.rangeClosed(1, 640).mapToObj(n -> "WH20261202%06d|CLAIM".formatted(n)).toList();
    timetable.runDue(Duration.ofDays(1), entry -> true); // the clock starts before the night's calls come in
    tickets.forEach(ticket -> timetable.file(ticket, morning));

    List<Integer> sizes = minutes.find().map(d -> d.getList("due", String.class).size()).into(new ArrayList<>());
    assertThat(sizes).as("entries per document").hasSize(Timetable.BUCKETS).allMatch(n -> n < 640 / 8);

    clock.at(morning.plusSeconds(61));
    List<String> handled = new ArrayList<>();
    timetable.runDue(Duration.ofDays(1), entry -> handled.add(entry.value()));
    timetable.runDue(Duration.ofDays(1), entry -> handled.add(entry.value()));
    assertThat(handled).containsExactlyInAnyOrderElementsOf(tickets);
  }

  @Test
  void aMinuteFiledBeforeTheBucketsIsStillHandled() {
    timetable.runDue(Duration.ofDays(1), entry -> true);
    Instant due = START.plus(Duration.ofMinutes(5));
    minutes.insertOne(new Document("_id", Timetable.minute(due)).append("due", List.of("old|" + due.toEpochMilli())));

    clock.at(due.plusSeconds(61));
    List<String> handled = new ArrayList<>();
    timetable.runDue(Duration.ofDays(1), entry -> handled.add(entry.value()));
    timetable.runDue(Duration.ofDays(1), entry -> handled.add(entry.value()));
    assertThat(handled).containsExactly("old");
  }

  @Test
  void aLongCatchUpReadsEveryMinuteItCovers() {
    timetable.runDue(Duration.ofDays(1), entry -> true);
    timetable.file("early", START.plus(Duration.ofMinutes(1)));
    timetable.file("late", START.plus(Duration.ofHours(20)));

    clock.at(START.plus(Duration.ofHours(21))); // the clock was down all that time
    List<String> handled = new ArrayList<>();
    timetable.runDue(Duration.ofDays(1), entry -> handled.add(entry.value()));
    assertThat(handled).containsExactlyInAnyOrder("early", "late");
  }

  @Test
  void anEntryDueEarlierInTheCurrentMinuteIsHandledInThatPass() {
    timetable.runDue(Duration.ofDays(1), entry -> true);
    timetable.file("soon", START.plus(Duration.ofMinutes(3)).plusSeconds(10));
    timetable.file("later", START.plus(Duration.ofMinutes(3)).plusSeconds(50));

    clock.at(START.plus(Duration.ofMinutes(3)).plusSeconds(30));
    List<String> handled = new ArrayList<>();
    timetable.runDue(Duration.ofDays(1), entry -> handled.add(entry.value()));
    assertThat(handled).containsExactly("soon");
  }

  @Test
  void handledMinutesAreDroppedADayLater() {
    timetable.runDue(Duration.ofDays(1), entry -> true);
    Instant due = START.plus(Duration.ofMinutes(2));
    timetable.file("handled", due);
    minutes.insertOne(new Document("_id", Timetable.minute(due)).append("due", List.of()));
    clock.at(due.plusSeconds(120));
    timetable.runDue(Duration.ofDays(1), entry -> true);
    assertThat(minutes.countDocuments()).as("kept a day").isEqualTo(2);

    for (Instant at = clock.instant(); at.isBefore(due.plus(Duration.ofDays(1)).plusSeconds(180)); at = at.plus(Duration.ofHours(6))) {
      clock.at(at);
      timetable.runDue(Duration.ofDays(1), entry -> true);
    }
    assertThat(minutes.countDocuments()).isZero();
  }

  @Test
  void aValueAlwaysLandsInTheSameBucket() {
    // Storage layout: stores written by earlier versions rely on these numbers staying put.
    assertThat(Timetable.bucket("202612030100", "WH20261203000001|CLAIM")).isEqualTo("202612030100|0");
    assertThat(Buckets.id("JIANGAN_CGJ|DISPATCHED", "WH20261203000001", 32)).isEqualTo("JIANGAN_CGJ|DISPATCHED|20");
    assertThat(Buckets.id("JIANGAN_CGJ|DISPATCHED", "WH20261203000002", 32)).isEqualTo("JIANGAN_CGJ|DISPATCHED|4");
  }
}
