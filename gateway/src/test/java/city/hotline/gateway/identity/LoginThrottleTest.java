package city.hotline.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

class LoginThrottleTest {
  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());
  private final IdentitySettings settings = new IdentitySettings("test", Duration.ofMinutes(30), null, null,
      5, 5, Duration.ofMinutes(5), false, null, List.of());

  @AfterEach
  void close() {
    client.close();
    server.close();
  }

  private LoginThrottle throttleAt(Instant now) {
    return new LoginThrottle(client.getDatabase("throttle-" + UUID.randomUUID()), settings,
        Clock.fixed(now, ZoneOffset.UTC));
  }

  @Test
  void fiveFailuresFromOneAddressBlockItForEveryUsernameUntilTheWindowEnds() {
    Instant start = Instant.parse("2026-11-23T08:00:00Z");
    var database = client.getDatabase("throttle-address");
    LoginThrottle throttle = new LoginThrottle(database, settings, Clock.fixed(start, ZoneOffset.UTC));
    for (int i = 0; i < 5; i++) {
      assertThat(throttle.waitFor("user" + i, "10.0.0.7")).isEmpty();
      throttle.recordFailure("user" + i, "10.0.0.7");
    }
    assertThat(throttle.waitFor("someone-else", "10.0.0.7")).contains(Duration.ofMinutes(5));
    assertThat(throttle.waitFor("someone-else", "10.0.0.8")).isEmpty();

    LoginThrottle later = new LoginThrottle(database, settings, Clock.fixed(start.plus(Duration.ofMinutes(5)), ZoneOffset.UTC));
    assertThat(later.waitFor("someone-else", "10.0.0.7")).isEmpty();
  }

  @Test
  void failuresOutsideTheWindowStartANewCount() {
    Instant start = Instant.parse("2026-11-23T08:00:00Z");
    var database = client.getDatabase("throttle-window");
    for (int i = 0; i < 4; i++) {
      new LoginThrottle(database, settings, Clock.fixed(start, ZoneOffset.UTC)).recordFailure("operator", "10.0.0.1");
    }
    LoginThrottle sixMinutesLater =
        new LoginThrottle(database, settings, Clock.fixed(start.plus(Duration.ofMinutes(6)), ZoneOffset.UTC));
    sixMinutesLater.recordFailure("operator", "10.0.0.1");
    assertThat(sixMinutesLater.waitFor("operator", "10.0.0.1")).isEmpty();
    assertThat(throttleAt(start).waitFor("operator", "10.0.0.1")).isEmpty();
  }
}
