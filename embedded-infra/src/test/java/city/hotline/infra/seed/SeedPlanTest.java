package city.hotline.infra.seed;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import city.hotline.infra.seed.SeedPlan.Call;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.function.Predicate;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class SeedPlanTest {
  private static final ZoneId WUHAN = ZoneId.of("Asia/Shanghai");
  private final List<Call> month = SeedPlan.of(LocalDate.of(2026, 11, 1), 30, 40, WUHAN, 7);

  private double share(Predicate<Call> which) {
    return month.stream().filter(which).count() / (double) month.size();
  }

  @Test
  void aMonthOfCallsCoversEveryDistrictAndCategoryWithTheDocumentedShares() {
    assertThat(month.size()).isBetween(1000, 1200);
    assertThat(month.stream().map(Call::district).collect(Collectors.toSet())).hasSize(SeedData.DISTRICTS.size());
    assertThat(month.stream().map(Call::category).collect(Collectors.toSet())).hasSize(SeedData.CATEGORIES.size());
    assertThat(share(Call::consultation)).isCloseTo(0.08, within(0.03));
    assertThat(share(Call::returned)).isCloseTo(0.06, within(0.03));
    assertThat(share(c -> c.verdict() == SeedPlan.Verdict.SATISFIED)).isCloseTo(0.68, within(0.05));
    assertThat(share(Call::emergency)).isBetween(0.02, 0.12);
    assertThat(month).isSortedAccordingTo(java.util.Comparator.comparing(Call::at));
  }

  @Test
  void weekendsAreQuieterThanWeekdaysAndNightsQuieterThanMornings() {
    long saturdays = month.stream().filter(c -> c.at().atZone(WUHAN).getDayOfWeek() == DayOfWeek.SATURDAY).count();
    long tuesdays = month.stream().filter(c -> c.at().atZone(WUHAN).getDayOfWeek() == DayOfWeek.TUESDAY).count();
    assertThat(saturdays).isLessThan(tuesdays);
    long at3 = month.stream().filter(c -> c.at().atZone(WUHAN).getHour() == 3).count();
    long at10 = month.stream().filter(c -> c.at().atZone(WUHAN).getHour() == 10).count();
    assertThat(at3 * 5).isLessThan(at10);
  }

  @Test
  void theSameSeedPlansTheSameMonth() {
    assertThat(SeedPlan.of(LocalDate.of(2026, 11, 1), 30, 40, WUHAN, 7)).isEqualTo(month);
    assertThat(SeedPlan.of(LocalDate.of(2026, 11, 1), 30, 40, WUHAN, 8)).isNotEqualTo(month);
  }

  @Test
  void staffActInWorkingHoursOnly() {
    WorkingHours work = new WorkingHours(WUHAN);
    Instant fridayEvening = LocalDateTime.of(2026, 11, 27, 17, 0).atZone(WUHAN).toInstant();
    // one hour left on Friday, then Monday from 08:30
    assertThat(work.plus(fridayEvening, Duration.ofHours(2)))
        .isEqualTo(LocalDateTime.of(2026, 11, 30, 9, 30).atZone(WUHAN).toInstant());
    Instant lunch = LocalDateTime.of(2026, 11, 30, 12, 30).atZone(WUHAN).toInstant();
    assertThat(work.nextWorkingMoment(lunch)).isEqualTo(LocalDateTime.of(2026, 11, 30, 14, 0).atZone(WUHAN).toInstant());
  }

  @Test
  void theSimulatedClockStandsStillUntilTheAnchorThenRunsFast() {
    Instant anchor = Instant.now().plusSeconds(60);
    SimulatedTime time = new SimulatedTime(anchor.minus(Duration.ofDays(30)), anchor, 1000);
    assertThat(time.now()).isEqualTo(time.from());
    // a call planned a day into the month happens 86.4 s after the anchor, about 146 s from now
    assertThat(time.realDelayUntil(time.from().plus(Duration.ofDays(1))).toSeconds()).isBetween(144L, 147L);
    assertThat(time.caughtUpAt()).isAfter(anchor.plus(Duration.ofMinutes(43)));
    assertThat(time.realDelayUntil(time.from().minusSeconds(1))).isLessThanOrEqualTo(Duration.ofSeconds(60));
  }
}
