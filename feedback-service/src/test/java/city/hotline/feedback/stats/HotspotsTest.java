package city.hotline.feedback.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.feedback.stats.Hotspots.Spot;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** 每月一题 candidates: the cells that rose against the period before or the same period a year earlier. */
class HotspotsTest {
  private static final Spot GAS_HANNAN = new Spot("HANNAN", "GAS_SAFETY");
  private static final Spot LIGHTS_WUCHANG = new Spot("WUCHANG", "STREET_LIGHTING");
  private static final Spot SANITATION_JIANGAN = new Spot("JIANGAN", "SANITATION");
  private static final Spot GREENERY_HONGSHAN = new Spot("HONGSHAN", "GREENERY");
  private static final Period NOVEMBER = new Period(LocalDate.of(2026, 11, 1), LocalDate.of(2026, 11, 30));

  @Test
  void thePreviousPeriodHasTheSameLengthAndTheYearAgoTheSameDays() {
    assertThat(NOVEMBER.before()).isEqualTo(new Period(LocalDate.of(2026, 10, 2), LocalDate.of(2026, 10, 31)));
    assertThat(NOVEMBER.yearEarlier()).isEqualTo(new Period(LocalDate.of(2025, 11, 1), LocalDate.of(2025, 11, 30)));
  }

  /**
   * A year earlier is as many days from the same day a year back: February 2025 to 1 March (29 days) is compared
   * with February 2024 to its 29th, not to 1 March 2024 (30 days); a period from 29 February starts on the 28th.
   */
  @Test
  void aYearEarlierHasAsManyDaysAroundThe29thOfFebruary() {
    Period leapLater = new Period(LocalDate.of(2025, 2, 1), LocalDate.of(2025, 3, 1));
    assertThat(leapLater.yearEarlier()).isEqualTo(new Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29)));
    Period fromLeapDay = new Period(LocalDate.of(2024, 2, 29), LocalDate.of(2024, 3, 29));
    assertThat(fromLeapDay.yearEarlier()).isEqualTo(new Period(LocalDate.of(2023, 2, 28), LocalDate.of(2023, 3, 29)));
    Period toLeapDay = new Period(LocalDate.of(2024, 2, 1), LocalDate.of(2024, 2, 29));
    assertThat(toLeapDay.yearEarlier()).isEqualTo(new Period(LocalDate.of(2023, 2, 1), LocalDate.of(2023, 3, 1)));
    assertThat(List.of(leapLater, fromLeapDay, toLeapDay)).allSatisfy(
        p -> assertThat(p.yearEarlier().days()).isEqualTo(p.days()));
  }

  @Test
  void cellsThatRoseAgainstEitherPeriodAreListedMostRisenFirstUpToTheLimit() {
    Map<Spot, Long> now = Map.of(GAS_HANNAN, 30L, LIGHTS_WUCHANG, 12L, SANITATION_JIANGAN, 40L, GREENERY_HONGSHAN, 5L);
    Map<Spot, Long> previous = Map.of(GAS_HANNAN, 10L, LIGHTS_WUCHANG, 12L, SANITATION_JIANGAN, 45L,
        GREENERY_HONGSHAN, 5L);
    Map<Spot, Long> yearAgo = Map.of(LIGHTS_WUCHANG, 4L, SANITATION_JIANGAN, 50L, GREENERY_HONGSHAN, 5L);

    Hotspots hotspots = Hotspots.of(NOVEMBER, now, previous, yearAgo, StatsProjectionTest.NAMES, 10);

    assertThat(hotspots.items()).as("sanitation fell against both; greenery stayed level")
        .extracting(Hotspots.Item::category).containsExactly("GAS_SAFETY", "STREET_LIGHTING");
    Hotspots.Item gas = hotspots.items().get(0);
    assertThat(gas.districtName()).isEqualTo("HANNAN区");
    assertThat(gas.received()).isEqualTo(30);
    assertThat(gas.rise()).isEqualTo(20);
    assertThat(gas.riseRate()).isEqualTo(2.0);
    assertThat(gas.riseOnYear()).isEqualTo(30);
    assertThat(gas.riseOnYearRate()).as("nothing a year ago").isNull();
    Hotspots.Item lights = hotspots.items().get(1);
    assertThat(lights.rise()).isZero();
    assertThat(lights.riseOnYear()).isEqualTo(8);
    assertThat(lights.riseOnYearRate()).isEqualTo(2.0);
    assertThat(hotspots.previous()).isEqualTo(NOVEMBER.before());

    assertThat(Hotspots.of(NOVEMBER, now, previous, yearAgo, StatsProjectionTest.NAMES, 1).items())
        .extracting(Hotspots.Item::category).containsExactly("GAS_SAFETY");
  }

  @Test
  void theLimitMustAllowAtLeastOneCell() {
    assertThatThrownBy(() -> new HotspotSettings(0)).isInstanceOf(IllegalArgumentException.class);
    assertThat(new HotspotSettings(1).limit()).isEqualTo(1);
  }
}
