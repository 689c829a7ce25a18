package city.hotline.intake.open311;

import java.util.List;
import java.util.Map;

/**
 * GeoReport v2's XML: schemaless, no namespace, preceded by the UTF-8 declaration. The JSON of the same answer is the
 * same tree (the spec's Spark convention): a map becomes child elements in its order, a list one element per item
 * named after the list ({@code services} holds {@code service}s), null an empty element, as the spec's examples
 * show ({@code <account_id/>}).
 */
final class Open311Xml {
  private static final Map<String, String> ITEMS = Map.of(
      "services", "service",
      "service_requests", "request",
      "attributes", "attribute",
      "values", "value",
      "endpoints", "endpoint",
      "formats", "format",
      "errors", "error");

  private Open311Xml() {}

  /** The document with this root element around the body (a map, or a list of the root's items). */
  static String write(String root, Object body) {
    StringBuilder xml = new StringBuilder("<?xml version=\"1.0\" encoding=\"utf-8\"?>\n");
    element(xml, root, body);
    return xml.append('\n').toString();
  }

  private static void element(StringBuilder xml, String name, Object value) {
    if (value == null) {
      xml.append('<').append(name).append("/>");
      return;
    }
    xml.append('<').append(name).append('>');
    if (value instanceof Map<?, ?> map) {
      map.forEach((key, child) -> element(xml, (String) key, child));
    } else if (value instanceof List<?> list) {
      String item = ITEMS.get(name);
      if (item == null) {
        throw new IllegalArgumentException("no item element is known for the list " + name);
      }
      list.forEach(child -> element(xml, item, child));
    } else {
      escape(xml, value.toString());
    }
    xml.append("</").append(name).append('>');
  }

  private static void escape(StringBuilder xml, String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      switch (c) {
        case '<' -> xml.append("&lt;");
        case '>' -> xml.append("&gt;");
        case '&' -> xml.append("&amp;");
        case '"' -> xml.append("&quot;");
        case '\'' -> xml.append("&apos;");
        default -> {
          if (c >= 0x20 || c == '\n' || c == '\r' || c == '\t') {
            xml.append(c); // other control characters are not allowed in XML 1.0 at all
          }
        }
      }
    }
  }
}
