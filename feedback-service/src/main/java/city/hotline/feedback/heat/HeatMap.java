package city.hotline.feedback.heat;

import city.hotline.contracts.ComplaintRegistered;
import city.hotline.contracts.EventEnvelope;
import city.hotline.feedback.stats.DashboardFilter;
import city.hotline.feedback.stats.StatsSettings;
import city.hotline.feedback.surge.GridCell;
import city.hotline.feedback.surge.SurgeSettings;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Service;

/**
 * The heat layer of the leader's map (热力图): calls with a map point per grid cell of the surge detection's grid,
 * counted on the calendar day (in the city's zone) they were registered.
 */
@Service
class HeatMap {
  private final HeatRepository cells;
  private final StatsSettings stats;
  private final double cellDegrees;

  HeatMap(HeatRepository cells, StatsSettings stats, SurgeSettings surge) {
    this.cells = cells;
    this.stats = stats;
    this.cellDegrees = surge.cellDegrees();
  }

  record Point(String cell, double longitude, double latitude, long count) {}

  record Heat(double cellDegrees, List<Point> points) {}

  /** Counts a registration in its cell, when it has a map point. */
  void count(EventEnvelope<?> event, ComplaintRegistered call) {
    GridCell.of(call.longitude(), call.latitude(), cellDegrees).ifPresent(cell -> cells.count(
        LocalDate.ofInstant(event.occurredAt(), stats.zone()), call.facts().category(), call.facts().district(),
        cell.id(), event.ticketId()));
  }

  /** The calls per cell over the filter's days, district and category, the hottest first; at each cell's centre. */
  Heat over(DashboardFilter filter) {
    Map<String, Long> counts = new HashMap<>();
    cells.forEachOver(filter.from(), filter.to(), filter.district(), filter.category(),
        c -> counts.merge(c.cell(), c.count(), Long::sum));
    List<Point> points = new ArrayList<>();
    counts.forEach((id, count) -> GridCell.parse(id, cellDegrees)
        .ifPresent(cell -> points.add(new Point(id, cell.centre()[0], cell.centre()[1], count))));
    points.sort(Comparator.comparingLong(Point::count).reversed().thenComparing(Point::cell));
    return new Heat(cellDegrees, points);
  }
}
