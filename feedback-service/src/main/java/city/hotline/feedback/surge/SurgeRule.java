package city.hotline.feedback.surge;

/**
 * When a category's calls make a surge: the window must hold at least {@code minimum} calls and at least
 * {@code multiple} times what it usually holds (the baseline).
 */
public record SurgeRule(int minimum, double multiple) {

  /** The line a window's count must reach: max(minimum, multiple × baseline). */
  double threshold(double baseline) {
    return Math.max(minimum, multiple * baseline);
  }

  void validate(String setting) {
    SurgeSettings.require(minimum >= 1, setting + ".minimum", "at least 1");
    SurgeSettings.require(multiple > 0, setting + ".multiple", "positive");
  }
}
