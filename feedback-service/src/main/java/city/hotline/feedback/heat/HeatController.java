package city.hotline.feedback.heat;

import city.hotline.feedback.stats.DashboardFilter;
import city.hotline.feedback.stats.ReferenceNames;
import city.hotline.feedback.stats.StatsSettings;
import java.time.Clock;
import java.time.LocalDate;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The heat layer of the leader's map, with the period and filters of every dashboard question. */
@RestController
class HeatController {
  private final HeatMap heat;
  private final StatsSettings settings;
  private final ReferenceNames names;
  private final Clock clock;

  HeatController(HeatMap heat, StatsSettings settings, ReferenceNames names, Clock clock) {
    this.heat = heat;
    this.settings = settings;
    this.names = names;
    this.clock = clock;
  }

  @GetMapping("/api/dashboard/heat")
  HeatMap.Heat heat(
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
      @RequestParam(required = false) String district,
      @RequestParam(required = false) String category) {
    return heat.over(DashboardFilter.of(from, to, district, null, category,
        LocalDate.now(clock.withZone(settings.zone())), settings, names));
  }
}
