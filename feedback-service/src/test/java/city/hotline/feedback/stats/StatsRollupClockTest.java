package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import city.hotline.support.metrics.ClockPasses;
import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The roll-up clock's freshness on the embedded store: a pass that got through resets the time since its last
 * pass; a pass that could not reach the database leaves it growing, so the stall shows.
 */
class StatsRollupClockTest {
  /** Long enough to tell a reset from time merely passing, short enough to keep the test fast. */
  private static final double STALE = 0.1;
  private static final StatsSettings SETTINGS = new StatsSettings(Scenario.ZONE, 30, 1100, SummaryTest.WEIGHTS,
      Duration.ofMillis(2500), Duration.ofSeconds(1), Duration.ofSeconds(10));

  private static MongoWireTestServer server;
  private static MongoClient client;

  private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

  @BeforeAll
  static void open() {
    server = new MongoWireTestServer();
    client = MongoClients.create(server.uri());
  }

  @AfterAll
  static void close() {
    client.close();
    server.close();
  }

  private double sinceLastPass() {
    return registry.get("hotline.clock.since.last.pass").tag("clock", "stats-rollup").timeGauge().value();
  }

  private double staleness() {
    await().until(() -> sinceLastPass() >= STALE);
    return sinceLastPass();
  }

  @Test
  void aPassThatGotThroughResetsTheTimeSinceTheLastPassAndTheIntervalIsTheRollUps() {
    StatsRollup rollup = new StatsRollup(new StatsStore(client.getDatabase("rollup-clock"), Clock.systemUTC()),
        SETTINGS, new ClockPasses(registry));
    double stale = staleness();

    rollup.tick();

    assertThat(sinceLastPass()).isLessThan(stale);
    assertThat(registry.get("hotline.clock.interval").tag("clock", "stats-rollup").timeGauge().value())
        .isEqualTo(2.5);
  }

  @Test
  void aPassThatCouldNotReachTheDatabaseLeavesTheClockLookingStalled() {
    MongoClient lost = MongoClients.create(server.uri());
    StatsRollup rollup = new StatsRollup(new StatsStore(lost.getDatabase("rollup-clock-lost"), Clock.systemUTC()),
        SETTINGS, new ClockPasses(registry));
    lost.close(); // the database is out of reach from now on
    double stale = staleness();

    assertThatThrownBy(rollup::tick).isInstanceOf(IllegalStateException.class);

    assertThat(sinceLastPass()).isGreaterThanOrEqualTo(stale);
  }
}
