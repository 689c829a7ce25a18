package city.hotline.intake.suggestion;

import java.util.Comparator;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Which unit handled the work orders of a district and category, learned from intake's own closed work orders: the
 * unit suggested is the one that handled most of them (ties: the first unit name in alphabetical order, so every
 * replica answers alike). Thread-safe.
 */
public final class UnitTally {
  private final Map<String, Map<String, LongAdder>> units = new ConcurrentHashMap<>();

  public void learn(String district, String category, String unitId) {
    if (district == null || category == null || unitId == null) {
      return;
    }
    units.computeIfAbsent(key(district, category), k -> new ConcurrentHashMap<>())
        .computeIfAbsent(unitId, u -> new LongAdder()).increment();
  }

  /** The unit that handled most work orders of this district and category, or null when none did. */
  public String likeliest(String district, String category) {
    if (district == null || category == null) {
      return null;
    }
    Map<String, LongAdder> counts = units.get(key(district, category));
    if (counts == null) {
      return null;
    }
    return counts.entrySet().stream()
        .max(Comparator.comparingLong((Map.Entry<String, LongAdder> e) -> e.getValue().sum())
            .thenComparing(Map.Entry::getKey, Comparator.reverseOrder()))
        .map(Map.Entry::getKey).orElse(null);
  }

  private static String key(String district, String category) {
    return district + "|" + category;
  }
}
