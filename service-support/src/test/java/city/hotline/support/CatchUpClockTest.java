package city.hotline.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;

class CatchUpClockTest {
  private static final Instant ANCHOR = Instant.parse("2026-12-01T00:00:00Z");
  private static final Instant FROM = ANCHOR.minus(Duration.ofDays(30));

  private static CatchUpClock at(Instant realNow) {
    return new CatchUpClock(FROM, ANCHOR, 1000, Clock.fixed(realNow, ZoneOffset.UTC));
  }

  @Test
  void aMonthAgoAtTheAnchorThenAThousandTimesFaster() {
    assertThat(at(ANCHOR).instant()).isEqualTo(FROM);
    assertThat(at(ANCHOR.plusSeconds(60)).instant()).isEqualTo(FROM.plus(Duration.ofSeconds(60_000)));
  }

  @Test
  void itMeetsRealTimeAndThenIsRealTime() {
    CatchUpClock clock = at(ANCHOR);
    Instant met = clock.caughtUpAt();
    // 30 days at 999 seconds gained per real second: about 43 minutes
    assertThat(Duration.between(ANCHOR, met)).isBetween(Duration.ofMinutes(43), Duration.ofMinutes(44));
    Instant later = met.plusSeconds(3600);
    assertThat(at(later).instant()).isEqualTo(later);
    assertThat(at(met.minusSeconds(1)).instant()).isBefore(met.minusSeconds(1));
  }

  @Test
  void readInTheCitysZoneItTellsTheSameInstant() {
    Clock shanghai = at(ANCHOR).withZone(ZoneId.of("Asia/Shanghai"));
    assertThat(shanghai.instant()).isEqualTo(FROM);
    assertThat(shanghai.getZone()).isEqualTo(ZoneId.of("Asia/Shanghai"));
  }

  @Test
  void itNeverStartsInTheFutureOrRunsSlow() {
    assertThatThrownBy(() -> new CatchUpClock(ANCHOR, FROM, 10, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CatchUpClock(FROM, ANCHOR, 0.5, Clock.systemUTC()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new CatchUpClock(FROM, ANCHOR, 1, Clock.systemUTC()))
        .as("at real speed it would never catch up").isInstanceOf(IllegalArgumentException.class);
  }
}
