package city.hotline.feedback.alert;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.contracts.SurgeDetected;
import city.hotline.feedback.stats.ReferenceNames;
import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;
import org.springframework.web.servlet.mvc.method.annotation.SseEmitter;

/** The live streams of one replica against the store. */
class AlertStreamTest {
  private static final MongoWireTestServer MONGO = new MongoWireTestServer();
  private static final MongoClient CLIENT = MongoClients.create(MONGO.uri());
  private static final Duration WAIT = Duration.ofSeconds(10);
  private static final AlertSettings SETTINGS = new AlertSettings(Duration.ofSeconds(1), Duration.ofSeconds(15), 200,
      Duration.ofSeconds(30), Duration.ofMinutes(10));

  @AfterAll
  static void stop() {
    CLIENT.close();
    MONGO.close();
  }

  /** A page whose connection takes what it is sent ever more slowly: its first event is written, the next waits. */
  private static final class SlowClient extends SseEmitter {
    final CountDownLatch stuck = new CountDownLatch(1);
    final CountDownLatch reads = new CountDownLatch(1);
    private final AtomicInteger sends = new AtomicInteger();

    @Override
    public void send(SseEventBuilder event) {
      if (sends.incrementAndGet() > 1) {
        stuck.countDown();
        try {
          reads.await();
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
        }
      }
    }
  }

  /**
   * A page slow to read holds up the pass sending to it, and nothing else: a new stream opens, and the metrics scrape
   * reads how many streams are open, while the pass waits on it.
   */
  @Test
  void aPageSlowToReadHoldsUpNeitherANewStreamNorTheMetrics() {
    AlertRepository alerts = new AlertRepository(CLIENT.getDatabase("alert-stream"));
    MeterRegistry meters = new SimpleMeterRegistry();
    AlertStream streams = new AlertStream(alerts, SETTINGS,
        new AlertViews(new ReferenceNames(List.of(), List.of()), Surges.settings()), meters);
    Instant at = Instant.parse("2026-12-07T14:31:00Z");
    alerts.insert(Alert.detected(new SurgeDetected("SRG-GAS_SAFETY-HANNAN-1", "DISTRICT", "GAS_SAFETY", "HANNAN",
        null, at.minus(Duration.ofHours(1)), at, 5, 1.25, 5, at, List.of("T1")), 500));
    SlowClient slow = new SlowClient();
    CompletableFuture<Void> pass = CompletableFuture.runAsync(() -> {
      streams.open(slow);
      streams.runNow(); // sends it the open alert
    });
    try {
      await().atMost(WAIT).until(() -> slow.stuck.getCount() == 0);

      CompletableFuture<SseEmitter> another = CompletableFuture.supplyAsync(streams::open);
      CompletableFuture<Double> scrape =
          CompletableFuture.supplyAsync(() -> meters.get("hotline.alerts.streams").gauge().value());
      await().atMost(WAIT).until(() -> another.isDone() && scrape.isDone());
      assertThat(scrape.join()).as("the slow one and the new one").isEqualTo(2.0);
      assertThat(pass).as("still waiting on the slow page").isNotDone();
    } finally {
      slow.reads.countDown();
      pass.join();
      streams.stop();
    }
  }
}
