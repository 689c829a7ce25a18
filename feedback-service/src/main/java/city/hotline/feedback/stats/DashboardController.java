package city.hotline.feedback.stats;

import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The leadership's figures (考核指标), read from the statistics read model, never from cases. */
@RestController
@RequestMapping("/api/dashboard")
class DashboardController {
  private final StatsRepository stats;
  private final StatsSettings settings;
  private final Clock clock;

  DashboardController(StatsRepository stats, StatsSettings settings, Clock clock) {
    this.stats = stats;
    this.settings = settings;
    this.clock = clock;
  }

  @GetMapping("/summary")
  Summary summary(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String unitId,
      @RequestParam(required = false) String category) {
    LocalDate end = to != null ? to : LocalDate.now(clock.withZone(settings.zone()));
    LocalDate start = from != null ? from : end.minusDays(settings.defaultPeriodDays() - 1L);
    if (start.isAfter(end)) {
      throw ApiException.invalid(List.of(new FieldProblem("from", "must not be after 'to'")));
    }
    return Summary.of(start, end, stats.totals(start, end, district, unitId, category));
  }
}
