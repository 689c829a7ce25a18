package city.hotline.support.timetable;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoCollection;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
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

  private static final class MovableClock extends Clock {
    private Instant now;

    MovableClock(Instant now) {
      this.now = now;
    }

    void at(Instant instant) {
      now = instant;
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      return this;
    }
  }
}
