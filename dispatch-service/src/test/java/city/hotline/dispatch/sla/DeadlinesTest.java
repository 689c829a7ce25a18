package city.hotline.dispatch.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** SPEC §3 deadlines on the 2026 calendar (Asia/Shanghai, 08:30–12:00 and 14:00–18:00). */
class DeadlinesTest {
  private static final ZoneId SHANGHAI = ZoneId.of("Asia/Shanghai");
  private static final Set<LocalDate> NATIONAL_DAY = Set.copyOf(IntStream.rangeClosed(1, 7)
      .mapToObj(day -> LocalDate.of(2026, 10, day)).toList());
  private static final Set<LocalDate> MAKE_UP_DAYS = Set.of(LocalDate.of(2026, 9, 20), LocalDate.of(2026, 10, 10));

  private final WorkingCalendar calendar = new WorkingCalendar(SHANGHAI,
      List.of(WorkingCalendar.Period.parse("08:30-12:00"), WorkingCalendar.Period.parse("14:00-18:00")),
      NATIONAL_DAY, MAKE_UP_DAYS);
  private final SlaSettings sla = new SlaSettings(Set.of("EMERGENCY"),
      Map.of("EMERGENCY", Duration.ofMinutes(30), "URGENT", Duration.ofHours(2), "NORMAL", Duration.ofHours(2)),
      Map.of("EMERGENCY", Duration.ofHours(2), "URGENT", Duration.ofDays(1), "NORMAL", Duration.ofDays(5)),
      List.of(new SlaSettings.Override(null, "CONSULTATION", Map.of(), Map.of("NORMAL", Duration.ofDays(1))),
          new SlaSettings.Override("GAS_SAFETY", null, Map.of("NORMAL", Duration.ofMinutes(30)), Map.of())),
      Duration.ofDays(3));

  private static Instant at(String localDateTime) {
    return LocalDateTime.parse(localDateTime).atZone(SHANGHAI).toInstant();
  }

  @Test
  void aReturnVisitResolvedOnFridayAfternoonTimesOutThreeWorkingDaysLaterOnWednesday() {
    // Fri 16:00 → 2 h left Friday, Mon and Tue whole, 5.5 h of Wednesday: 08:30–12:00 + 14:00–16:00
    assertThat(Deadlines.returnVisitBy(at("2026-11-27T16:00"), sla, calendar)).isEqualTo(at("2026-12-02T16:00"));
  }

  @Test
  void aReturnVisitSpanningNationalDayCountsTheMakeUpSaturday() {
    // Wed 30 Sep 10:00, holiday 1–7 Oct, Thu 8 and Fri 9 Oct work, Sat 10 Oct is a make-up working day
    assertThat(Deadlines.returnVisitBy(at("2026-09-30T10:00"), sla, calendar)).isEqualTo(at("2026-10-10T10:00"));
  }

  @Test
  void aClaimWindowSpanningLunchResumesAtTwo() {
    Deadlines deadlines = Deadlines.from(at("2026-11-23T11:00"), "NORMAL", "SANITATION", "COMPLAINT", sla, calendar);
    assertThat(deadlines.claimBy()).isEqualTo(at("2026-11-23T15:00")); // 11:00–12:00, then 14:00–15:00
  }

  @Test
  void aFridayEveningRegistrationStartsCountingOnMonday() {
    Deadlines deadlines = Deadlines.from(at("2026-11-27T19:00"), "URGENT", "SANITATION", "COMPLAINT", sla, calendar);
    assertThat(deadlines.claimBy()).isEqualTo(at("2026-11-30T10:30"));
    assertThat(deadlines.resolveBy()).as("one working day").isEqualTo(at("2026-11-30T18:00"));
  }

  @Test
  void fiveWorkingDaysAcrossTheNationalDayWeekCountTheMakeUpSaturday() {
    // 30 Sep 16:00–18:00 (2 h), 1–7 Oct holiday, 8, 9 and Saturday 10 Oct (make-up day) 7.5 h each,
    // Sunday 11 off, Monday 12 7.5 h, Tuesday 13: 3.5 h in the morning and the last 2 h by 16:00.
    Deadlines deadlines = Deadlines.from(at("2026-09-30T16:00"), "NORMAL", "SANITATION", "COMPLAINT", sla, calendar);
    assertThat(deadlines.resolveBy()).isEqualTo(at("2026-10-13T16:00"));
    assertThat(deadlines.claimBy()).as("the two hours before the holiday").isEqualTo(at("2026-09-30T18:00"));
  }

  @Test
  void aMakeUpSundayIsWorkedAndAnOrdinarySundayIsNot() {
    assertThat(Deadlines.from(at("2026-09-19T17:00"), "NORMAL", "SANITATION", "COMPLAINT", sla, calendar).claimBy())
        .isEqualTo(at("2026-09-20T10:30"));
    assertThat(Deadlines.from(at("2026-09-26T17:00"), "NORMAL", "SANITATION", "COMPLAINT", sla, calendar).claimBy())
        .isEqualTo(at("2026-09-28T10:30"));
  }

  @Test
  void anEmergencyAtThreeInTheMorningRunsOnTheClock() {
    Deadlines deadlines = Deadlines.from(at("2026-10-03T03:00"), "EMERGENCY", "SANITATION", "COMPLAINT", sla, calendar);
    assertThat(deadlines.claimBy()).isEqualTo(at("2026-10-03T03:30"));
    assertThat(deadlines.resolveBy()).isEqualTo(at("2026-10-03T05:00"));
  }

  @Test
  void aLimitEndingExactlyAtNoonEndsAtNoonNotAfterLunch() {
    assertThat(calendar.plus(at("2026-11-23T10:00"), Duration.ofHours(2))).isEqualTo(at("2026-11-23T12:00"));
    assertThat(calendar.workingDay()).isEqualTo(Duration.ofMinutes(450));
  }

  @Test
  void anUrgencyWithoutConfiguredLimitsAndABrokenCalendarAreErrors() {
    assertThatThrownBy(
        () -> Deadlines.from(at("2026-11-23T10:00"), "UNKNOWN", "SANITATION", "COMPLAINT", sla, calendar))
        .hasMessageContaining("UNKNOWN");
    assertThatThrownBy(() -> new WorkingCalendar(SHANGHAI,
        List.of(WorkingCalendar.Period.parse("08:30-12:00"), WorkingCalendar.Period.parse("11:00-18:00")), Set.of(),
        Set.of())).hasMessageContaining("overlap");
    assertThatThrownBy(() -> WorkingCalendar.Period.parse("18:00-08:30")).hasMessageContaining("end after");
  }

  @Test
  void aConsultationIsAnsweredInOneWorkingDayAndACategoryOverrideWinsOverTheType() {
    Deadlines consultation = Deadlines.from(at("2026-11-23T10:00"), "NORMAL", "SANITATION", "CONSULTATION", sla,
        calendar);
    assertThat(consultation.resolveBy()).isEqualTo(at("2026-11-24T10:00"));
    assertThat(consultation.claimBy()).as("the claim limit is the default").isEqualTo(at("2026-11-23T12:00"));
    Deadlines gas = Deadlines.from(at("2026-11-23T10:00"), "NORMAL", "GAS_SAFETY", "CONSULTATION", sla, calendar);
    assertThat(gas.claimBy()).isEqualTo(at("2026-11-23T10:30"));
    assertThat(gas.resolveBy()).as("no category resolve limit: the type's").isEqualTo(at("2026-11-24T10:00"));
  }
}
