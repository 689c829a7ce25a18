package city.hotline.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The calendar year rules on the 2026 notice's dates (国庆节 1–7 Oct, 调休 Sat 10 Oct). */
class CalendarEditsTest {
  private static final LocalDate NATIONAL_DAY = LocalDate.of(2026, 10, 1);
  private static final LocalDate MAKE_UP_SATURDAY = LocalDate.of(2026, 10, 10);
  private static final LocalDate A_MONDAY = LocalDate.of(2026, 10, 12);
  private static final Instant AT = Instant.parse("2026-11-23T02:00:00Z");

  private static List<String> fields(List<FieldProblem> problems) {
    return problems.stream().map(FieldProblem::field).toList();
  }

  @Test
  void aYearOfHolidaysAndWeekendMakeUpDaysWithASourceIsValid() {
    assertThat(CalendarEdits.validate(2026, List.of(NATIONAL_DAY), List.of(MAKE_UP_SATURDAY), "国办发明电")).isEmpty();
    assertThat(CalendarEdits.validate(2026, List.of(NATIONAL_DAY), null, "国办发明电")).as("no make-up days").isEmpty();
  }

  @Test
  void everyDateMustBeInTheYearItIsEnteredFor() {
    List<FieldProblem> problems = CalendarEdits.validate(2026, List.of(NATIONAL_DAY, LocalDate.of(2027, 1, 1)),
        List.of(LocalDate.of(2025, 12, 27)), "x");
    assertThat(fields(problems)).containsExactly("holidays[1]", "makeUpWorkdays[0]");
    assertThat(problems.get(0).message()).isEqualTo("2027-01-01 is not in 2026");
  }

  @Test
  void aMakeUpDayIsAWeekendDayAndNotAlsoAHoliday() {
    List<FieldProblem> problems = CalendarEdits.validate(2026, List.of(NATIONAL_DAY, LocalDate.of(2026, 10, 3)),
        List.of(A_MONDAY, LocalDate.of(2026, 10, 3)), "x");
    assertThat(fields(problems)).containsExactly("makeUpWorkdays[0]", "makeUpWorkdays[1]");
    assertThat(problems.get(0).message()).contains("MONDAY");
    assertThat(problems.get(1).message()).contains("also listed as a holiday");
  }

  @Test
  void holidaysAndASourceAreRequiredAndTheYearMustBeOne() {
    assertThat(fields(CalendarEdits.validate(2026, List.of(), List.of(), " "))).containsExactly("holidays", "source");
    assertThat(fields(CalendarEdits.validate(2026, null, List.of(), "x".repeat(201)))).containsExactly("holidays", "source");
    assertThat(fields(CalendarEdits.validate(1999, List.of(NATIONAL_DAY), List.of(), "x"))).containsExactly("year");
    assertThat(fields(CalendarEdits.validate(2026, java.util.Arrays.asList(NATIONAL_DAY, null), List.of(), "x")))
        .containsExactly("holidays[1]");
  }

  @Test
  void aNewYearIsVersionOneAndAReplacementTheNextWithSortedDistinctDates() {
    CalendarYear first = CalendarEdits.next(Optional.empty(), 2026, List.of(LocalDate.of(2026, 10, 2), NATIONAL_DAY,
        NATIONAL_DAY), null, " 国办发明电 ", "admin", AT);
    assertThat(first.version()).isEqualTo(1);
    assertThat(first.holidays()).containsExactly(NATIONAL_DAY, LocalDate.of(2026, 10, 2));
    assertThat(first.makeUpWorkdays()).isEmpty();
    assertThat(first.source()).isEqualTo("国办发明电");
    CalendarYear second = CalendarEdits.next(Optional.of(first), 2026, List.of(NATIONAL_DAY), List.of(MAKE_UP_SATURDAY),
        "x", "admin", AT);
    assertThat(second.version()).isEqualTo(2);
  }

  @Test
  void theCurrentAndNextYearAreMissingWhenTheyHaveNoDates() {
    assertThat(CalendarEdits.missingYears(Set.of(2026), 2026)).containsExactly(2027);
    assertThat(CalendarEdits.missingYears(Set.of(2026, 2027), 2026)).isEmpty();
    assertThat(CalendarEdits.missingYears(Set.of(2026), 2027)).containsExactly(2027, 2028);
  }

  @Test
  void theCalendarInForceJoinsEveryYearsDatesWithTheConfiguredHours() {
    CalendarSettings settings = new CalendarSettings(ZoneId.of("Asia/Shanghai"), List.of("08:30-12:00", "14:00-18:00"),
        null, null, Duration.ofSeconds(60), "seed");
    WorkingCalendar calendar = CalendarStore.calendar(settings, List.of(
        new CalendarYear(2026, List.of(NATIONAL_DAY), List.of(MAKE_UP_SATURDAY), "x", "admin", AT, 1),
        new CalendarYear(2027, List.of(LocalDate.of(2027, 1, 1)), List.of(), "x", "admin", AT, 1)));
    assertThat(calendar.isWorkingDay(NATIONAL_DAY)).isFalse();
    assertThat(calendar.isWorkingDay(MAKE_UP_SATURDAY)).isTrue();
    assertThat(calendar.isWorkingDay(LocalDate.of(2027, 1, 1))).isFalse();
    assertThat(calendar.isWorkingDay(A_MONDAY)).isTrue();
    assertThat(calendar.workingDay()).isEqualTo(Duration.ofMinutes(450));
  }
}
