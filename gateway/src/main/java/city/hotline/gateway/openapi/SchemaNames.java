package city.hotline.gateway.openapi;

import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * Component schemas of several documents in one: a name two services use for different shapes is kept by the first
 * and taken as {@code <service>.<Name>} by the other, whose references are rewritten to match.
 */
final class SchemaNames {
  static final String PREFIX = "#/components/schemas/";

  private SchemaNames() {}

  /** Adds {@code doc}'s schemas to {@code into} and rewrites {@code doc}'s references where a name was taken. */
  static void adopt(String service, JsonNode doc, ObjectNode into) {
    JsonNode schemas = doc.path("components").path("schemas");
    Map<String, String> renamed = new java.util.HashMap<>();
    for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
      JsonNode taken = into.get(schema.getKey());
      if (taken != null && !taken.equals(schema.getValue())) {
        renamed.put(schema.getKey(), service + "." + schema.getKey());
      }
    }
    if (!renamed.isEmpty()) {
      rewrite(doc, renamed);
    }
    for (Map.Entry<String, JsonNode> schema : schemas.properties()) {
      into.set(renamed.getOrDefault(schema.getKey(), schema.getKey()), schema.getValue());
    }
  }

  /** Every {@code $ref} to a renamed schema, anywhere in the tree, now names it by its new name. */
  private static void rewrite(JsonNode node, Map<String, String> renamed) {
    if (node instanceof ObjectNode object) {
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.isString() && ref.asString().startsWith(PREFIX)) {
        String name = ref.asString().substring(PREFIX.length());
        if (renamed.containsKey(name)) {
          object.put("$ref", PREFIX + renamed.get(name));
        }
      }
      object.values().forEach(child -> rewrite(child, renamed));
    } else if (node instanceof ArrayNode array) {
      array.values().forEach(child -> rewrite(child, renamed));
    }
  }
}
