package city.hotline.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.LongStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/** Against the MongoDB-wire server of the embedded mode, whose returned documents race under load. */
class TicketSequenceTest {
  private static final ZoneId WUHAN = ZoneId.of("Asia/Shanghai");
  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());
  private final TicketSequence sequence = new TicketSequence(client.getDatabase("intake"),
      new TicketSettings("WH", WUHAN), Clock.fixed(Instant.parse("2026-12-02T02:00:00Z"), WUHAN));

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  @Test
  void callsTakenAtOnceEachGetTheirOwnNumberAndTheDayCountsThemAll() throws Exception {
    int operators = 16;
    int callsEach = 40;
    ExecutorService pool = Executors.newFixedThreadPool(operators);
    List<Future<List<String>>> drawn = new ArrayList<>();
    for (int i = 0; i < operators; i++) {
      Callable<List<String>> operator = () -> {
        List<String> mine = new ArrayList<>();
        for (int c = 0; c < callsEach; c++) {
          mine.add(sequence.next());
        }
        return mine;
      };
      drawn.add(pool.submit(operator));
    }
    List<String> tickets = new ArrayList<>();
    for (Future<List<String>> f : drawn) {
      tickets.addAll(f.get());
    }
    pool.shutdown();

    long total = (long) operators * callsEach;
    assertThat(tickets.stream().map(TicketNumber::sequence).sorted().toList())
        .as("every number from 1 handed out once")
        .isEqualTo(LongStream.rangeClosed(1, total).boxed().toList());
    assertThat(tickets).allMatch(t -> t.startsWith("WH20261202"));
    assertThat(sequence.next()).as("the day counted them all").isEqualTo(TicketNumber.of("WH20261202", total + 1));
  }

  @Test
  void aLiftedDayGoesOnAboveTheTakenNumberAndNeverBack() {
    sequence.next();
    sequence.lift("WH20261202", 57);
    assertThat(sequence.next()).isEqualTo("WH20261202000058");
    sequence.lift("WH20261202", 3);
    assertThat(sequence.next()).as("a lower floor changes nothing").isEqualTo("WH20261202000059");
  }
}
