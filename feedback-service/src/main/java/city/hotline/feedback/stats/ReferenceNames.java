package city.hotline.feedback.stats;

import java.util.List;
import java.util.Optional;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** The district and category codes with their names (SPEC §4), from the shared {@code hotline.reference}. */
@ConfigurationProperties("hotline.reference")
public record ReferenceNames(List<Entry> districts, List<Entry> categories) {
  record Entry(String code, String name) {}

  boolean isDistrict(String code) {
    return districts.stream().anyMatch(e -> e.code().equals(code));
  }

  boolean isCategory(String code) {
    return categories.stream().anyMatch(e -> e.code().equals(code));
  }

  public String district(String code) {
    return name(districts, code);
  }

  public String category(String code) {
    return name(categories, code);
  }

  private static String name(List<Entry> entries, String code) {
    return Optional.ofNullable(code).flatMap(c -> entries.stream().filter(e -> e.code().equals(c)).findFirst())
        .map(Entry::name).orElse(code);
  }
}
