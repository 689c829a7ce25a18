package city.hotline.infra.seed;

import city.hotline.infra.client.ApiClient;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;

/**
 * One seeding of a fresh system with a period of calls through the real pipeline: the services are
 * started with {@link #serviceEnvironment()} (clocks that start {@code days} ago and catch up with real
 * time in about {@code runTime}), then {@link #play} drives the public API until they have.
 *
 * @param days how many days of history, ending now
 * @param callsPerDay calls on an ordinary weekday (weekends get fewer)
 * @param runTime how long the seeding should take in real time
 * @param startup how long the system may take to start before the simulated month begins
 * @param randomSeed the plan's random seed, so a run can be repeated
 */
public record SeedRun(int days, int callsPerDay, Duration runTime, Duration startup, long randomSeed, Instant createdAt,
    ZoneId zone) {
  public static final ZoneId WUHAN = ZoneId.of("Asia/Shanghai");

  public SeedRun {
    if (days < 1 || callsPerDay < 1 || runTime.toSeconds() < 10) {
      throw new IllegalArgumentException("seed at least one day, one call a day, over at least 10 seconds");
    }
  }

  public static SeedRun of(int days, int callsPerDay, Duration runTime, long randomSeed) {
    return new SeedRun(days, callsPerDay, runTime, Duration.ofSeconds(150), randomSeed, Instant.now(), WUHAN);
  }

  SimulatedTime time() {
    Instant anchor = createdAt.plus(startup);
    Instant from = anchor.minus(Duration.ofDays(days));
    double speed = (double) Duration.ofDays(days).toSeconds() / runTime.toSeconds() + 1;
    return new SimulatedTime(from, anchor, speed);
  }

  /** The first and last day of the seeded period, in the city's zone. */
  public LocalDate firstDay() {
    return time().from().atZone(zone).toLocalDate();
  }

  public LocalDate lastDay() {
    return time().caughtUpAt().atZone(zone).toLocalDate();
  }

  /**
   * What the three back-end services must be started with: the catch-up clock, and their clocks
   * (overdue, return-visit deadlines) ticking every second so they keep up with the fast time; the
   * gateway lets the seeder's few users through without the per-user rate limit.
   */
  public Map<String, String> serviceEnvironment() {
    SimulatedTime t = time();
    return Map.of(
        "HOTLINE_CLOCK_CATCH_UP_FROM", t.from().toString(),
        "HOTLINE_CLOCK_CATCH_UP_ANCHOR", t.anchor().toString(),
        "HOTLINE_CLOCK_CATCH_UP_SPEED", Double.toString(t.speed()),
        "HOTLINE_OVERDUE_SCAN_INTERVAL", "1s",
        "HOTLINE_VISIT_CLOCK_INTERVAL", "1s",
        "HOTLINE_RATE_LIMIT_PER_MINUTE", "1000000");
  }

  /** Plays every planned call through the gateway at {@code gatewayUrl}, as the demo users. */
  public SeedReport play(String gatewayUrl, String password) throws InterruptedException {
    SimulatedTime t = time();
    List<SeedPlan.Call> calls = SeedPlan.of(firstDay(), days, callsPerDay, zone, randomSeed).stream()
        .filter(c -> !c.at().isBefore(t.from()) && c.at().isBefore(t.caughtUpAt())).toList();
    return new Seeder(new ApiClient(gatewayUrl, password), t, zone, calls, randomSeed).run(password);
  }
}
