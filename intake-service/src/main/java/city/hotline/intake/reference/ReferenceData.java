package city.hotline.intake.reference;

import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Districts and categories (SPEC §4) as configured; clients read them from the API, never hard-code them. */
@ConfigurationProperties("hotline.reference")
public record ReferenceData(List<Entry> districts, List<Entry> categories) {

  public record Entry(String code, String name) {}

  public boolean isDistrict(String code) {
    return districts.stream().anyMatch(e -> e.code().equals(code));
  }

  public boolean isCategory(String code) {
    return categories.stream().anyMatch(e -> e.code().equals(code));
  }
}
