package city.hotline.intake.open311;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The arguments of POST requests (and of GET requests) by their spec names, however they came: form-encoded as the
 * spec says ({@code attribute[district]=JIANGAN}) or as a JSON object (flat names, or {@code "attribute":
 * {"district": "JIANGAN"}}). A blank argument is no argument (the spec's "optional"); a name given twice counts once,
 * the first time.
 */
record ServiceRequestForm(Map<String, String> fields) {

  static ServiceRequestForm ofForm(Map<String, List<String>> params) {
    Map<String, String> fields = new LinkedHashMap<>();
    params.forEach((name, values) -> values.stream().filter(v -> v != null && !v.isBlank()).findFirst()
        .ifPresent(value -> fields.put(name, value.strip())));
    return new ServiceRequestForm(fields);
  }

  /** A JSON object's members; query arguments (e.g. an api_key in the URL) are read too, the body's winning. */
  static ServiceRequestForm ofJson(Map<String, ?> body, Map<String, List<String>> query) {
    Map<String, String> fields = new LinkedHashMap<>(ofForm(query).fields());
    if (body != null) {
      body.forEach((name, value) -> {
        if (value instanceof Map<?, ?> nested) {
          nested.forEach((key, v) -> put(fields, name + "[" + key + "]", v));
        } else {
          put(fields, name, value);
        }
      });
    }
    return new ServiceRequestForm(fields);
  }

  /** A member is one value: an array or object (other than attribute's members) is refused, not flattened. */
  private static void put(Map<String, String> fields, String name, Object value) {
    if (value instanceof Collection<?> || value instanceof Map<?, ?>) {
      throw Open311Error.invalid(name, "must be a single value, not a JSON array or object");
    }
    if (value != null && !value.toString().isBlank()) {
      fields.put(name, value.toString().strip());
    }
  }

  String get(String name) {
    return fields.get(name);
  }

  boolean has(String name) {
    return fields.containsKey(name);
  }

  String attribute(String code) {
    return fields.get("attribute[" + code + "]");
  }
}
