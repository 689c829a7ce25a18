package city.hotline.gateway.identity;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.MovableClock;
import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * Sign-in throttling through the gateway's HTTP door, as a call centre meets it: every request
 * here comes from 127.0.0.1, like a centre behind one NAT address. Time is moved on, not waited for.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "hotline.identity.seed-demo-users=false")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoginThrottleHttpTest {
  private static final String PASSWORD = "Centre@2026-08";
  private static final int CENTRE_SIZE = 200;

  @TestConfiguration
  static class MovableTime {
    @Bean
    @Primary
    MovableClock movableClock() {
      return new MovableClock(Instant.now());
    }
  }

  @Value("${local.server.port}")
  int port;

  @Autowired
  MovableClock clock;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "gateway-login-throttle-it");
  }

  @BeforeAll
  void operators(@Autowired UserRepository users) {
    // The cheapest bcrypt cost, so two hundred password checks take milliseconds, not a minute.
    String hash = new BCryptPasswordEncoder(4).encode(PASSWORD);
    List<String> usernames = new ArrayList<>(List.of("wangfang", "lijing", "guessed"));
    for (int operator = 1; operator <= CENTRE_SIZE; operator++) {
      usernames.add(operator(operator));
    }
    for (String username : usernames) {
      users.insert(new UserAccount(username, "接线员 " + username, hash, List.of(Role.OPERATOR), null, null, true, 0));
    }
  }

  private static String operator(int number) {
    return "centre-%03d".formatted(number);
  }

  private Reply signIn(String username, String password) {
    return new HttpJson("http://localhost:" + port).post("/api/auth/login",
        Map.of("username", username, "password", password));
  }

  private static void assertLocked(Reply reply, long retryAfterSeconds) {
    assertThat(reply.status()).isEqualTo(429);
    assertThat(reply.retryAfter()).isEqualTo(Long.toString(retryAfterSeconds));
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.body().path("detail").asString()).contains(retryAfterSeconds + " 秒");
  }

  @Test
  void oneOperatorMistypingEightTimesDoesNotStopAColleagueAtTheSameAddress() {
    for (int typo = 1; typo <= 8; typo++) {
      Reply reply = signIn("wangfang", "wrong-password-" + typo);
      if (typo <= 5) {
        assertThat(reply.status()).isEqualTo(401);
      } else {
        assertLocked(reply, 30); // and her own further tries do not lengthen her wait
      }
    }
    assertThat(signIn("lijing", PASSWORD).status()).as("her colleague at the next desk").isEqualTo(200);
  }

  @Test
  void aGuessingRunIsSlowedAndTheAccountSignsInOnceItsRetryAfterHasPassed() {
    for (int guess = 0; guess < 5; guess++) {
      assertThat(signIn("guessed", "guess-" + guess).status()).isEqualTo(401);
    }
    assertLocked(signIn("guessed", "guess-5"), 30);
    clock.advance(Duration.ofMillis(10_500));
    assertLocked(signIn("guessed", PASSWORD), 20); // 19.5 s left, rounded up: the refusal extended nothing
    clock.advance(Duration.ofMillis(19_500));
    assertThat(signIn("guessed", "guess-6").status()).isEqualTo(401);
    assertLocked(signIn("guessed", "guess-7"), 60);
    clock.advance(Duration.ofSeconds(60));

    assertThat(signIn("guessed", PASSWORD).status()).isEqualTo(200);
    assertThat(signIn("guessed", "typo").status()).as("the right password cleared the failures").isEqualTo(401);
  }

  @Test
  void twoHundredOperatorsSigningInAtOnceFromOneAddressAllPass() throws Exception {
    ExecutorService centre = Executors.newFixedThreadPool(16);
    try {
      List<Callable<Integer>> signIns = new ArrayList<>();
      for (int operator = 1; operator <= CENTRE_SIZE; operator++) {
        String username = operator(operator);
        signIns.add(() -> signIn(username, PASSWORD).status());
      }
      List<Integer> statuses = new ArrayList<>();
      for (Future<Integer> signIn : centre.invokeAll(signIns)) {
        statuses.add(signIn.get());
      }
      assertThat(statuses).hasSize(CENTRE_SIZE).containsOnly(200);
    } finally {
      centre.shutdownNow();
    }
  }
}
