package city.hotline.feedback.stats;

import city.hotline.contracts.CaseFacts;
import java.time.LocalDate;

/**
 * Where a count goes: a day (in the city's zone) × district × unit × category × urgency. A call has no
 * unit until it is dispatched, so what it counts at registration goes to the unit "" (none).
 */
record CellKey(LocalDate day, String district, String unitId, String category, String urgency) {
  static final String NO_UNIT = "";

  static CellKey of(LocalDate day, CaseFacts facts) {
    return new CellKey(day, facts.district(), facts.unitId() == null ? NO_UNIT : facts.unitId(), facts.category(),
        facts.urgency());
  }

  String encode() {
    return String.join("|", day.toString(), district, unitId, category, urgency);
  }

  static CellKey decode(String key) {
    String[] parts = key.split("\\|", -1);
    return new CellKey(LocalDate.parse(parts[0]), parts[1], parts[2], parts[3], parts[4]);
  }
}
