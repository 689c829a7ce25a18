package city.hotline.support.web;

import java.util.Optional;
import tools.jackson.core.JacksonException;

/**
 * Names the field a JSON reading error is about the way bean validation names fields ({@code location.longitude},
 * {@code roles[1]}), so the services and the gateway report it alike.
 */
public final class JsonPaths {
  private JsonPaths() {}

  /** Empty when the error is not about a field (the body is not JSON at all). */
  public static Optional<String> field(JacksonException e) {
    return e.getPath().stream()
        .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b);
  }
}
