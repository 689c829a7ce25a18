package city.hotline.intake.open311;

import java.util.LinkedHashMap;
import java.util.Map;

/** An Open311 object: its fields in the spec's order, nulls kept (the spec's JSON shows them, its XML as empty elements). */
final class Open311Body {
  private Open311Body() {}

  /** Name, value, name, value, …; a value may be null. */
  static Map<String, Object> of(Object... namesAndValues) {
    if (namesAndValues.length % 2 != 0) {
      throw new IllegalArgumentException("names and values come in pairs");
    }
    Map<String, Object> body = new LinkedHashMap<>();
    for (int i = 0; i < namesAndValues.length; i += 2) {
      body.put((String) namesAndValues[i], namesAndValues[i + 1]);
    }
    return body;
  }
}
