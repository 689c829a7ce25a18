package city.hotline.feedback.alert;

import city.hotline.feedback.surge.SurgeSettings;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.bind.PropertySourcesPlaceholdersResolver;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.env.PropertySource;
import org.springframework.core.io.ClassPathResource;

/** The surge detection's settings as the service binds them from its application.yml, defaults and all. */
final class Surges {
  private Surges() {}

  static SurgeSettings settings() {
    try {
      List<PropertySource<?>> yml =
          new YamlPropertySourceLoader().load("application.yml", new ClassPathResource("application.yml"));
      return new Binder(ConfigurationPropertySources.from(yml), new PropertySourcesPlaceholdersResolver(yml))
          .bind("hotline.surge", SurgeSettings.class).get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
