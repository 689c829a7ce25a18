package city.hotline.feedback.alert;

import city.hotline.feedback.stats.ReferenceNames;
import city.hotline.feedback.surge.GridCell;
import java.time.Instant;
import java.util.List;

/**
 * An alert as the pages show it: its codes with their names, and for a grid-cell surge the cell's centre, where
 * the map outlines it.
 *
 * @param tickets the surge's calls, the first {@code ticketLimit} of them
 * @param ticketLimit the most calls an alert lists ({@code hotline.surge.max-calls}): a list this long may leave
 *     later calls of the surge out
 */
record AlertView(String id, String kind, String category, String categoryName, String district,
    String districtName, String cell, Point cellCentre, Instant windowStart, Instant windowEnd, long count,
    double baseline, double threshold, Instant detectedAt, AlertState state, List<String> tickets, int ticketLimit,
    String acknowledgedBy, Instant acknowledgedAt, Instant endedAt) {

  record Point(double longitude, double latitude) {}

  record Items(List<AlertView> items) {}

  static AlertView of(Alert a, ReferenceNames names, double cellDegrees, int ticketLimit) {
    Point centre = GridCell.parse(a.cell(), cellDegrees).map(GridCell::centre).map(c -> new Point(c[0], c[1]))
        .orElse(null);
    return new AlertView(a.id(), a.kind(), a.category(), names.category(a.category()), a.district(),
        names.district(a.district()), a.cell(), centre, a.windowStart(), a.windowEnd(), a.count(), a.baseline(),
        a.threshold(), a.detectedAt(), a.state(), a.tickets(), ticketLimit, a.acknowledgedBy(), a.acknowledgedAt(),
        a.endedAt());
  }
}
