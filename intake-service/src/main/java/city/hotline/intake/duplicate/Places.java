package city.hotline.intake.duplicate;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * How duplicate detection (重复件) compares places: the same address once spelling noise is gone,
 * or two map points within a radius. Each work order stores the grid cell of its point (an indexed field), so
 * "who is near here" is one query for the 3 × 3 cells around: a cell is at least one radius wide in both directions
 * anywhere south of 60° latitude (all of China), so every point within the radius lies in them. The radius itself is
 * checked on those few candidates ($near needs a 2dsphere index, which the embedded store does not have).
 */
final class Places {
  private static final double METERS_PER_DEGREE_LATITUDE = 111_320;
  private static final double EARTH_RADIUS_METERS = 6_371_000;
  /** cos(60°): a degree of longitude is at least half as long as a degree of latitude below 60°. */
  private static final double LONGITUDE_STRETCH = 0.5;

  private Places() {}

  /** Full-width and half-width forms unified, case folded, whitespace and punctuation dropped. */
  static String normalizeAddress(String address) {
    String folded = Normalizer.normalize(address, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT);
    return folded.replaceAll("[\\s\\p{Punct}\\p{IsPunctuation}]", "");
  }

  /** Great-circle distance in metres (haversine). */
  static double distanceMeters(double longitude1, double latitude1, double longitude2, double latitude2) {
    double dLat = Math.toRadians(latitude2 - latitude1);
    double dLon = Math.toRadians(longitude2 - longitude1);
    double h = Math.pow(Math.sin(dLat / 2), 2)
        + Math.cos(Math.toRadians(latitude1)) * Math.cos(Math.toRadians(latitude2)) * Math.pow(Math.sin(dLon / 2), 2);
    return 2 * EARTH_RADIUS_METERS * Math.asin(Math.sqrt(h));
  }

  record Cell(long x, long y) {
    /** The value stored in a work order's cell field. */
    String key() {
      return x + ":" + y;
    }
  }

  static Cell cell(double longitude, double latitude, double radiusMeters) {
    double latitudeStep = radiusMeters / METERS_PER_DEGREE_LATITUDE;
    double longitudeStep = latitudeStep / LONGITUDE_STRETCH;
    return new Cell((long) Math.floor(longitude / longitudeStep), (long) Math.floor(latitude / latitudeStep));
  }

  /** The cell of the point and its eight neighbours. */
  static List<Cell> around(double longitude, double latitude, double radiusMeters) {
    Cell centre = cell(longitude, latitude, radiusMeters);
    List<Cell> cells = new ArrayList<>(9);
    for (long dx = -1; dx <= 1; dx++) {
      for (long dy = -1; dy <= 1; dy++) {
        cells.add(new Cell(centre.x() + dx, centre.y() + dy));
      }
    }
    return cells;
  }
}
