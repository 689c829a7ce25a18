package city.hotline.feedback.surge;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Locale;
import java.util.Optional;

/**
 * A square of the map grid (网格) a call with a map point falls in, {@code size} degrees wide (0.01° is about
 * 1 km in Wuhan). Its id names its south-west corner, {@code E114.30N30.58}, so the same point gives the same
 * cell on every replica and after every restart, and a reader can draw it back.
 */
public record GridCell(BigDecimal west, BigDecimal south, BigDecimal size) {

  /** The cell holding a WGS-84 point, or empty when the call has no (plausible) point. */
  public static Optional<GridCell> of(Double longitude, Double latitude, double size) {
    if (longitude == null || latitude == null || !Double.isFinite(longitude) || !Double.isFinite(latitude)
        || Math.abs(longitude) > 180 || Math.abs(latitude) > 90) {
      return Optional.empty();
    }
    BigDecimal step = BigDecimal.valueOf(size);
    return Optional.of(new GridCell(floor(longitude, step), floor(latitude, step), step));
  }

  /** The cell an id names, for a grid of {@code size} degrees; empty when the id is not one. */
  public static Optional<GridCell> parse(String id, double size) {
    if (id == null || !id.matches("E-?\\d+(\\.\\d+)?N-?\\d+(\\.\\d+)?")) {
      return Optional.empty();
    }
    int n = id.indexOf('N');
    return Optional.of(new GridCell(new BigDecimal(id.substring(1, n)), new BigDecimal(id.substring(n + 1)),
        BigDecimal.valueOf(size)));
  }

  public String id() {
    return "E" + west.toPlainString() + "N" + south.toPlainString();
  }

  /** The cell's centre, [longitude, latitude]: where a map draws its calls. */
  public double[] centre() {
    BigDecimal half = size.divide(BigDecimal.valueOf(2));
    return new double[] {west.add(half).doubleValue(), south.add(half).doubleValue()};
  }

  @Override
  public String toString() {
    return String.format(Locale.ROOT, "%s (%s°)", id(), size.toPlainString());
  }

  private static BigDecimal floor(double value, BigDecimal step) {
    BigDecimal cells = BigDecimal.valueOf(value).divide(step, 0, RoundingMode.FLOOR);
    return cells.multiply(step).setScale(Math.max(0, step.scale()), RoundingMode.UNNECESSARY);
  }
}
