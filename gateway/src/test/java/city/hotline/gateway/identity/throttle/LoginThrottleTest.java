package city.hotline.gateway.identity.throttle;

import city.hotline.testsupport.MovableClock;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MongoWireTestServer;
import com.mongodb.client.MongoClient;
import com.mongodb.client.MongoClients;
import com.mongodb.client.MongoDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The throttle on the gateway's store, with time moved on by the test instead of waited for. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleTest {
  private static final String CENTRE = "10.20.0.1";
  private static final Duration FIRST_LOCK = Duration.ofSeconds(30);
  private static final Duration LONGEST_LOCK = Duration.ofMinutes(15);
  private static final Duration MEMORY = Duration.ofHours(24);
  private static final Duration ADDRESS_WINDOW = Duration.ofMinutes(5);
  private final LoginThrottleSettings settings = new LoginThrottleSettings(
      new LoginThrottleSettings.Account(5, FIRST_LOCK, LONGEST_LOCK, MEMORY),
      new LoginThrottleSettings.Address(100, ADDRESS_WINDOW));
  private final MongoWireTestServer server = new MongoWireTestServer();
  private final MongoClient client = MongoClients.create(server.uri());
  private MongoDatabase database;
  private MovableClock clock;
  private SimpleMeterRegistry meters;
  private LoginThrottle throttle;

  @BeforeEach
  void freshStore() {
    database = client.getDatabase("throttle-" + UUID.randomUUID());
    clock = new MovableClock(Instant.parse("2026-11-23T08:00:00Z"));
    meters = new SimpleMeterRegistry();
    throttle = new LoginThrottle(database, settings, clock, meters);
  }

  @AfterAll
  void close() {
    client.close();
    server.close();
  }

  /** One sign-in with a wrong password; empty when it was admitted (and failed), else the wait. */
  private Optional<Duration> wrongPassword(String username, String address) {
    Optional<Duration> wait = throttle.admit(username, address);
    if (wait.isEmpty()) {
      throttle.failed(address, SignInFailure.BAD_CREDENTIALS);
    }
    return wait;
  }

  /** {@code failures} wrong passwords, waiting out each lock in between as a patient guesser would. */
  private void failTimes(String username, String address, int failures) {
    for (int failed = 0; failed < failures; ) {
      Optional<Duration> wait = wrongPassword(username, address);
      if (wait.isPresent()) {
        clock.advance(wait.get());
      } else {
        failed++;
      }
    }
  }

  private Optional<Duration> rightPassword(String username, String address) {
    Optional<Duration> wait = throttle.admit(username, address);
    if (wait.isEmpty()) {
      throttle.signedIn(username);
    }
    return wait;
  }

  @Test
  void oneOperatorMistypingEightTimesDoesNotStopAColleagueAtTheSameAddress() {
    failTimes("wangfang", CENTRE, 8);
    assertThat(throttle.admit("wangfang", CENTRE)).as("her own account waits").contains(Duration.ofMinutes(4));
    assertThat(rightPassword("lijing", CENTRE)).as("her colleague at the next desk").isEmpty();
  }

  @Test
  void aGuessingRunWaitsLongerAfterEachFailureUpToTheLongestLock() {
    List<Duration> waits = new ArrayList<>();
    while (waits.size() < 8) {
      wrongPassword("leader", "203.0.113.9").ifPresent(wait -> {
        waits.add(wait);
        clock.advance(wait);
      });
    }
    assertThat(waits).containsExactly(Duration.ofSeconds(30), Duration.ofMinutes(1), Duration.ofMinutes(2),
        Duration.ofMinutes(4), Duration.ofMinutes(8), LONGEST_LOCK, LONGEST_LOCK, LONGEST_LOCK);
  }

  @Test
  void aRefusedAttemptDuringALockDoesNotExtendItAndTheAccountSignsInWhenItEnds() {
    for (int i = 0; i < 5; i++) {
      wrongPassword("dispatcher", CENTRE);
    }
    assertThat(rightPassword("dispatcher", CENTRE)).contains(FIRST_LOCK);
    clock.advance(Duration.ofMillis(10_500));
    assertThat(rightPassword("dispatcher", CENTRE)).contains(Duration.ofMillis(19_500));
    assertThat(wrongPassword("dispatcher", CENTRE)).contains(Duration.ofMillis(19_500));
    clock.advance(Duration.ofMillis(19_499));
    assertThat(rightPassword("dispatcher", CENTRE)).contains(Duration.ofMillis(1));
    clock.advance(Duration.ofMillis(1));
    assertThat(rightPassword("dispatcher", CENTRE)).as("the lock has ended").isEmpty();
  }

  @Test
  void theRightPasswordClearsTheAccountsFailures() {
    for (int i = 0; i < 4; i++) {
      wrongPassword("jiangan", CENTRE);
    }
    assertThat(rightPassword("jiangan", CENTRE)).isEmpty();
    for (int i = 0; i < 4; i++) {
      assertThat(wrongPassword("jiangan", CENTRE)).isEmpty();
    }
    assertThat(throttle.admit("jiangan", CENTRE)).as("four in a row again, not eight").isEmpty();
  }

  @Test
  void failuresAreForgottenOnceTheMemoryHasPassed() {
    for (int i = 0; i < 4; i++) {
      wrongPassword("gas", CENTRE);
    }
    clock.advance(MEMORY);
    for (int i = 0; i < 4; i++) {
      assertThat(wrongPassword("gas", CENTRE)).isEmpty();
    }
  }

  @Test
  void twoHundredOperatorsSignInFromOneAddressAndTheirTyposDoNotAddUp() {
    for (int operator = 1; operator <= 200; operator++) {
      String username = "op" + operator;
      if (operator % 4 == 0) {
        wrongPassword(username, CENTRE); // one in four mistypes first: 50 failures from the address
      }
      assertThat(rightPassword(username, CENTRE)).as(username).isEmpty();
    }
  }

  @Test
  void oneAddressTryingManyAccountsWaitsUntilItsWindowEndsAndRefusalsDoNotPushThatBack() {
    String scanner = "198.51.100.7";
    for (int i = 0; i < 100; i++) {
      clock.advance(Duration.ofSeconds(1));
      assertThat(wrongPassword("guess" + i, scanner)).isEmpty();
    }
    Duration left = ADDRESS_WINDOW.minusSeconds(99);
    assertThat(rightPassword("operator", scanner)).contains(left);
    clock.advance(Duration.ofSeconds(60));
    assertThat(wrongPassword("guess0", scanner)).contains(left.minusSeconds(60));
    assertThat(rightPassword("operator", CENTRE)).as("another address").isEmpty();
    clock.advance(left.minusSeconds(60));
    assertThat(rightPassword("operator", scanner)).isEmpty();
  }

  private double throttled(String scope) {
    return meters.get("hotline.signin.throttled").tag("scope", scope).counter().count();
  }

  @Test
  void eachRefusalIsCountedOnceForTheLimitThatRefusedItAndEachFailureByItsReason() {
    assertThat(throttled("account")).as("registered before the first refusal").isZero();
    for (int i = 0; i < 5; i++) {
      wrongPassword("hongshan", CENTRE);
    }
    rightPassword("hongshan", CENTRE);
    rightPassword("hongshan", CENTRE);
    String scanner = "198.51.100.9";
    for (int i = 0; i < 100; i++) {
      wrongPassword("guess" + i, scanner);
    }
    wrongPassword("guess100", scanner);
    wrongPassword("hongshan", scanner); // locked as an account too: the address refused it first

    assertThat(throttled("account")).isEqualTo(2);
    assertThat(throttled("address")).isEqualTo(2);
    assertThat(meters.get("hotline.signin.failures").tag("reason", "bad_credentials").counter().count())
        .isEqualTo(105);
    assertThat(meters.get("hotline.signin.failures").tag("reason", "account_disabled").counter().count()).isZero();
  }

  @Test
  void aRefusedCallerIsToldTheLongerOfTheAccountLockAndTheAddressWait() {
    failTimes("leader", "192.0.2.1", 9); // locked for 8 minutes
    String scanner = "198.51.100.8";
    for (int i = 0; i < 100; i++) {
      wrongPassword("guess" + i, scanner);
    }
    assertThat(throttle.admit("guess0", scanner)).contains(ADDRESS_WINDOW);
    assertThat(throttle.admit("leader", scanner)).contains(Duration.ofMinutes(8));
  }

  @Test
  void parallelGuessesOnTwoGatewayReplicasCannotSlipPastTheLock() throws Exception {
    LoginThrottle otherReplica = new LoginThrottle(database, settings, clock, meters);
    ExecutorService attempts = Executors.newFixedThreadPool(8);
    try {
      List<Callable<Optional<Duration>>> guesses = new ArrayList<>();
      for (int i = 0; i < 40; i++) {
        LoginThrottle replica = i % 2 == 0 ? throttle : otherReplica;
        String address = "203.0.113." + i;
        guesses.add(() -> replica.admit("admin", address));
      }
      long admitted = 0;
      for (Future<Optional<Duration>> guess : attempts.invokeAll(guesses)) {
        admitted += guess.get().isEmpty() ? 1 : 0;
      }
      assertThat(admitted).as("only the failures before the lock get a password check").isEqualTo(5);
    } finally {
      attempts.shutdownNow();
    }
  }
}
