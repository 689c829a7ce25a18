package city.hotline.feedback.stats;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;

/**
 * 每月一题 candidates: the category × district cells whose calls rose in a period against the period of the same
 * length just before it, or against as many days from the same day a year earlier ({@link Period#before},
 * {@link Period#yearEarlier}); the most risen first (the larger of the two rises), at most a limit.
 */
record Hotspots(LocalDate from, LocalDate to, Period previous, Period yearAgo, List<Item> items) {

  /**
   * @param riseRate rise / previous, null when there was nothing before
   * @param riseOnYearRate riseOnYear / yearAgo, null when there was nothing a year ago
   */
  record Item(String category, String categoryName, String district, String districtName, long received,
      long previous, long yearAgo, long rise, Double riseRate, long riseOnYear, Double riseOnYearRate) {

    long largestRise() {
      return Math.max(rise, riseOnYear);
    }
  }

  /** A category × district cell, the key of the counts. */
  record Spot(String district, String category) {}

  private static final Comparator<Item> MOST_RISEN = Comparator.comparingLong(Item::largestRise).reversed()
      .thenComparing(Item::received, Comparator.reverseOrder())
      .thenComparing(Item::district).thenComparing(Item::category);

  /** @param now, previous, yearAgo calls received per cell in the period, the one before and a year earlier */
  static Hotspots of(Period period, Map<Spot, Long> now, Map<Spot, Long> previous, Map<Spot, Long> yearAgo,
      ReferenceNames names, int limit) {
    List<Item> items = new ArrayList<>();
    now.forEach((spot, received) -> {
      long before = previous.getOrDefault(spot, 0L);
      long lastYear = yearAgo.getOrDefault(spot, 0L);
      if (received > before || received > lastYear) {
        items.add(new Item(spot.category(), names.category(spot.category()), spot.district(),
            names.district(spot.district()), received, before, lastYear, received - before,
            rate(received - before, before), received - lastYear, rate(received - lastYear, lastYear)));
      }
    });
    items.sort(MOST_RISEN);
    return new Hotspots(period.from(), period.to(), period.before(), period.yearEarlier(),
        List.copyOf(items.subList(0, Math.min(limit, items.size()))));
  }

  private static Double rate(long rise, long base) {
    return base == 0 ? null : (double) rise / base;
  }
}
