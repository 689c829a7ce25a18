package city.hotline.feedback.notification;

import java.io.IOException;
import java.io.InputStream;
import java.util.EnumMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.core.io.Resource;
import org.yaml.snakeyaml.Yaml;

/**
 * The citizens' texts as data (短信模板): one template per {@link TextKind}, keyed by its name, with {@code {name}}
 * placeholders. Checked when loaded, so a template that is missing or names a placeholder its text does not have
 * stops the service at start rather than sending a text with a hole in it.
 */
final class SmsTemplates {
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([A-Za-z]+)}");

  private final Map<TextKind, String> templates;

  SmsTemplates(Map<TextKind, String> templates) {
    this.templates = Map.copyOf(templates);
  }

  /** Reads the templates from a YAML file ({@code registered: "…"} and so on). */
  static SmsTemplates load(Resource file) {
    try (InputStream in = file.getInputStream()) {
      Map<String, Object> raw = new Yaml().load(in);
      return parse(raw == null ? Map.of() : raw, file.getDescription());
    } catch (IOException e) {
      throw new IllegalStateException("hotline.sms.templates: cannot read " + file.getDescription(), e);
    }
  }

  static SmsTemplates parse(Map<String, Object> raw, String source) {
    Map<TextKind, String> templates = new EnumMap<>(TextKind.class);
    for (TextKind kind : TextKind.values()) {
      if (!(raw.get(kind.template()) instanceof String template) || template.isBlank()) {
        throw new IllegalStateException(source + ": template '" + kind.template() + "' is missing");
      }
      Matcher placeholder = PLACEHOLDER.matcher(template);
      while (placeholder.find()) {
        if (!kind.placeholders().contains(placeholder.group(1))) {
          throw new IllegalStateException(source + ": template '" + kind.template() + "' names {" + placeholder.group(1)
              + "}, it may use " + kind.placeholders());
        }
      }
      templates.put(kind, template.strip());
    }
    return new SmsTemplates(templates);
  }

  /** The text with each placeholder replaced by its value (a value not given leaves it empty). */
  String render(TextKind kind, Map<String, String> values) {
    Matcher placeholder = PLACEHOLDER.matcher(templates.get(kind));
    StringBuilder text = new StringBuilder();
    while (placeholder.find()) {
      placeholder.appendReplacement(text, Matcher.quoteReplacement(values.getOrDefault(placeholder.group(1), "")));
    }
    return placeholder.appendTail(text).toString();
  }

  /** The unit's answer cut to a text's length (an answer can run to pages): the start, and … when cut. */
  static String shorten(String answer, int maxChars) {
    String flat = answer == null ? "" : answer.strip().replaceAll("\\s+", " ");
    if (flat.codePointCount(0, flat.length()) <= maxChars) {
      return flat;
    }
    return flat.substring(0, flat.offsetByCodePoints(0, maxChars - 1)) + "…";
  }
}
