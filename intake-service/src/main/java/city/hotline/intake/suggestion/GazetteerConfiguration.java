package city.hotline.intake.suggestion;

import city.hotline.intake.reference.ReferenceData;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.io.ResourceLoader;

/** Reads the 地名库 at start; a file naming a district the hotline does not know stops intake with the reason. */
@Configuration(proxyBeanMethods = false)
class GazetteerConfiguration {

  @Bean
  Gazetteer gazetteer(SuggestionSettings settings, ResourceLoader resources, ReferenceData reference) {
    Gazetteer gazetteer;
    try (InputStream in = resources.getResource(settings.gazetteer()).getInputStream()) {
      gazetteer = Gazetteer.read(in);
    } catch (IOException e) {
      throw new UncheckedIOException("gazetteer " + settings.gazetteer() + " cannot be read", e);
    }
    List<String> unknown = gazetteer.districts().stream().map(Gazetteer.District::code)
        .filter(code -> !reference.isDistrict(code)).toList();
    if (!unknown.isEmpty()) {
      throw new IllegalStateException("gazetteer " + settings.gazetteer() + " lists districts that are not in "
          + "/api/reference/districts: " + unknown);
    }
    return gazetteer;
  }
}
