package city.hotline.dispatch.surge;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.contracts.SurgeDetected;
import city.hotline.contracts.SurgeEnded;
import city.hotline.contracts.SurgeGrew;
import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

/** The desk's copy of the surge alerts on the store: opened, grown and ended by the events, each once. */
class SurgeAlertsTest {
  private static final MongoWireTestServer MONGO = new MongoWireTestServer();
  private static final MongoClient CLIENT = MongoClients.create(MONGO.uri());
  private static final Instant T0 = Instant.parse("2026-12-07T14:31:00Z");
  private static final String ID = "SRG-GAS_SAFETY-HANNAN-20261207T2231-0a1b2c3d";

  @AfterAll
  static void stop() {
    CLIENT.close();
    MONGO.close();
  }

  private static SurgeDetected detected(String... tickets) {
    return new SurgeDetected(ID, "DISTRICT", "GAS_SAFETY", "HANNAN", null, T0.minus(Duration.ofHours(1)), T0, 2, 0.5,
        2, T0, List.of(tickets));
  }

  @Test
  void anAlertOpensGrowsAndEndsAndARedeliveredEventChangesNothing() {
    SurgeAlerts alerts = new SurgeAlerts(CLIENT.getDatabase("surge-alerts"));
    alerts.detected(detected("T1", "T2"));
    alerts.detected(detected("T1", "T2"));
    assertThat(alerts.find(ID)).contains(new SurgeAlert(ID, List.of("T1", "T2"), true));

    SurgeGrew grew = new SurgeGrew(ID, T0.minus(Duration.ofMinutes(59)), T0.plusSeconds(60), 3, List.of("T2", "T3"));
    assertThat(alerts.grew(grew)).isTrue();
    assertThat(alerts.grew(grew)).isTrue();
    assertThat(alerts.find(ID)).contains(new SurgeAlert(ID, List.of("T1", "T2", "T3"), true));

    SurgeEnded ended = new SurgeEnded(ID, T0.plus(Duration.ofHours(1)), 3, List.of("T1", "T2", "T3", "T4"));
    assertThat(alerts.ended(ended)).isTrue();
    alerts.detected(detected("T1", "T2"));
    assertThat(alerts.find(ID)).as("an ended alert is never opened again")
        .contains(new SurgeAlert(ID, List.of("T1", "T2", "T3", "T4"), false));
  }

  @Test
  void anEventOfAnAlertNeverOpenedWritesNothing() {
    SurgeAlerts alerts = new SurgeAlerts(CLIENT.getDatabase("surge-alerts-unknown"));
    assertThat(alerts.grew(new SurgeGrew("SRG-UNKNOWN-1", T0, T0, 9, List.of("T9")))).isFalse();
    assertThat(alerts.ended(new SurgeEnded("SRG-UNKNOWN-1", T0, 9, List.of("T9")))).isFalse();
    assertThat(alerts.find("SRG-UNKNOWN-1")).isEmpty();
  }
}
