package city.hotline.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import city.hotline.testsupport.HttpJson;
import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.ServiceIntegrationTest;
import city.hotline.testsupport.ServiceTestSupport;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import tools.jackson.databind.JsonNode;

/** The 节假日 calendar as data, through the service's HTTP API: edits count for deadlines at once and on every replica. */
class CalendarAdminIntegrationTest extends ServiceIntegrationTest {
  private static final String CALENDAR = "/api/admin/calendar";
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  /** Test years' dates, in years no test of this class shares. */
  private static final LocalDate WEDNESDAY = LocalDate.of(2030, 11, 27);
  private static final LocalDate THURSDAY = LocalDate.of(2031, 11, 27);

  @Autowired
  CalendarStore calendars;
  @Autowired
  CalendarRepository repository;
  @Autowired
  CalendarSettings settings;
  @Autowired
  SlaSettings sla;
  @Autowired
  Clock clock;

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    ServiceTestSupport.register(registry, "dispatch-calendar-admin-it");
    registry.add("hotline.calendar.refresh-interval", () -> "300ms"); // "another replica's" edits arrive fast
  }

  @Override
  protected List<String> probedTopics() {
    return List.of("hotline.dispatch.events");
  }

  private HttpJson admin() {
    return as("ADMIN");
  }

  /** A PUT body for a test year (far from the real ones, so the tests do not change each other's calendar). */
  private static Map<String, Object> yearBody(LocalDate... holidays) {
    return Map.of("holidays", Stream.of(holidays).map(LocalDate::toString).toList(), "source", "test");
  }

  private static List<String> errorFields(Reply reply) {
    assertThat(reply.status()).isEqualTo(400);
    return reply.body().path("errors").valueStream().map(e -> e.path("field").asString()).toList();
  }

  @Test
  void theSeededYearIsListedWithZoneHoursAndAMissingNextYearThatAPutEnters() {
    JsonNode calendar = admin().get(CALENDAR).body();
    assertThat(calendar.path("zone").asString()).isEqualTo("Asia/Shanghai");
    assertThat(calendar.path("workingHours").valueStream().map(JsonNode::asString)).containsExactly("08:30-12:00", "14:00-18:00");
    JsonNode seeded = calendar.path("years").valueStream().filter(y -> y.path("year").asInt() == 2026).findFirst().orElseThrow();
    assertThat(seeded.path("holidays").valueStream().map(JsonNode::asString)).contains("2026-10-01").hasSize(33);
    assertThat(seeded.path("makeUpWorkdays").valueStream().map(JsonNode::asString))
        .containsExactly("2026-01-04", "2026-02-14", "2026-02-28", "2026-05-09", "2026-09-20", "2026-10-10");
    assertThat(seeded.path("source").asString()).contains("国办发明电");
    assertThat(seeded.path("updatedBy").asString()).isEqualTo("seed");
    assertThat(seeded.path("version").asInt()).isEqualTo(1);

    int nextYear = LocalDate.now(clock.withZone(SHANGHAI)).getYear() + 1;
    assertThat(calendar.path("missingYears").valueStream().map(JsonNode::asInt)).contains(nextYear);
    LocalDate newYearsDay = LocalDate.of(nextYear, 1, 1); // 元旦 is a holiday every year; the rest awaits the notice
    Reply entered = admin().put(CALENDAR + "/" + nextYear, Map.of("holidays", List.of(newYearsDay.toString()),
        "source", "test"));
    assertThat(entered.status()).isEqualTo(201);
    assertThat(entered.body().path("version").asInt()).isEqualTo(1);
    assertThat(entered.body().path("updatedBy").asString()).isEqualTo("admin");
    assertThat(admin().get(CALENDAR).body().path("missingYears").valueStream().map(JsonNode::asInt)).doesNotContain(nextYear);
    assertThat(calendars.current().isWorkingDay(newYearsDay)).isFalse();
  }

  @Test
  void aWeekdayMadeAHolidayCountsForDeadlinesAtOnceAndForAStoreFreshFromTheDatabase() {
    assertThat(calendars.current().isWorkingDay(WEDNESDAY)).isTrue();
    Reply saved = admin().put(CALENDAR + "/2030", yearBody(LocalDate.of(2030, 1, 1), WEDNESDAY));
    assertThat(saved.status()).isEqualTo(201);
    assertThat(saved.body().path("holidays").valueStream().map(JsonNode::asString)).contains(WEDNESDAY.toString());

    assertThat(calendars.current().isWorkingDay(WEDNESDAY)).isFalse();
    Instant tuesdayEvening = WEDNESDAY.minusDays(1).atTime(17, 0).atZone(SHANGHAI).toInstant();
    Deadlines deadlines = Deadlines.from(tuesdayEvening, "NORMAL", "SANITATION", "COMPLAINT", sla, calendars.current());
    assertThat(deadlines.claimBy()).as("1 h on Tuesday, the next on Thursday")
        .isEqualTo(WEDNESDAY.plusDays(1).atTime(9, 30).atZone(SHANGHAI).toInstant());
    assertThat(new CalendarStore(settings, repository).current().isWorkingDay(WEDNESDAY)).isFalse();
  }

  @Test
  void anEditAnotherReplicaWroteToTheDatabaseCountsHereWithinTheRefreshInterval() {
    assertThat(calendars.current().isWorkingDay(THURSDAY)).isTrue();
    assertThat(repository.save(new CalendarYear(2031, List.of(THURSDAY), List.of(), "other replica", "admin",
        Instant.now(), 1))).isTrue();
    await().atMost(WAIT).until(() -> !calendars.current().isWorkingDay(THURSDAY));
  }

  @Test
  void badInputIsA400NamingEachFieldAndNothingIsStored() {
    int version = admin().get(CALENDAR + "/2026").body().path("version").asInt();
    assertThat(errorFields(admin().put(CALENDAR + "/2026", Map.of("holidays", List.of(), "source", " "))))
        .containsExactly("holidays", "source");
    assertThat(errorFields(admin().put(CALENDAR + "/2026", Map.of("holidays", List.of("2026-10-01", "2027-01-01"),
        "makeUpWorkdays", List.of("2026-10-12", "2026-10-01", "2025-12-27"), "source", "x"))))
        .containsExactlyInAnyOrder("holidays[1]", "makeUpWorkdays[0]", "makeUpWorkdays[1]", "makeUpWorkdays[1]",
            "makeUpWorkdays[2]"); // 10-12 a Monday; 10-01 a holiday and a Thursday; 2025-12-27 another year
    assertThat(errorFields(admin().put(CALENDAR + "/2026", Map.of("holidays", List.of("1 October"), "source", "x"))))
        .containsExactly("holidays[0]");
    assertThat(errorFields(admin().put(CALENDAR + "/1999", Map.of("holidays", List.of("1999-10-01"), "source", "x"))))
        .containsExactly("year");
    assertThat(errorFields(admin().put(CALENDAR + "/next", Map.of("holidays", List.of("2026-10-01"), "source", "x"))))
        .containsExactly("year");
    assertThat(admin().get(CALENDAR + "/2026").body().path("version").asInt()).isEqualTo(version);
    assertThat(admin().get(CALENDAR + "/2099").status()).isEqualTo(404);
  }

  @Test
  void onlyAdminsReachTheCalendar() {
    assertThat(as("DISPATCHER").get(CALENDAR).status()).isEqualTo(403);
    assertThat(as("LEADER").get(CALENDAR + "/2026").status()).isEqualTo(403);
    assertThat(as("BUREAU", "WUCHANG_CGJ").put(CALENDAR + "/2033", yearBody(LocalDate.of(2033, 1, 1))).status())
        .isEqualTo(403);
    assertThat(admin().get(CALENDAR + "/2033").status()).isEqualTo(404);
    assertThat(anonymous().get(CALENDAR).status()).isEqualTo(401);
  }

  @Test
  void ofTwoAdminsReplacingTheSameVersionExactlyOneGets409() {
    Map<String, Object> body = yearBody(LocalDate.of(2032, 1, 1));
    assertThat(admin().put(CALENDAR + "/2032", body).status()).isEqualTo(201);
    List<CompletableFuture<Integer>> puts = Stream.of(1, 2)
        .map(i -> CompletableFuture.supplyAsync(() -> admin().withHeader("If-Match", "\"1\"").put(CALENDAR + "/2032", body).status()))
        .toList();
    assertThat(puts.stream().map(CompletableFuture::join).toList()).containsExactlyInAnyOrder(200, 409);
    assertThat(admin().get(CALENDAR + "/2032").body().path("version").asInt()).isEqualTo(2);
  }
}
