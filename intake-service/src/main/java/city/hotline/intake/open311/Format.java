package city.hotline.intake.open311;

import java.util.Locale;

/** The formats a client picks by the path's suffix ({@code services.xml}, {@code requests.json}); UTF-8 always. */
enum Format {
  JSON("application/json; charset=utf-8"),
  XML("text/xml; charset=utf-8");

  /** The suffixes a path may end in, as a path pattern's regular expression. */
  static final String SUFFIXES = "json|xml";

  private final String contentType;

  Format(String contentType) {
    this.contentType = contentType;
  }

  String contentType() {
    return contentType;
  }

  static Format of(String suffix) {
    return valueOf(suffix.toUpperCase(Locale.ROOT));
  }

  /** The format a request path asks for; JSON when it names none (an error before a handler was chosen). */
  static Format ofPath(String path) {
    return path != null && path.toLowerCase(Locale.ROOT).endsWith(".xml") ? XML : JSON;
  }
}
