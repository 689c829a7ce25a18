package city.hotline.intake.open311;

import city.hotline.support.security.ApiAccessRules;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Open311 is public (the gateway lets it through without a token): partners prove who they are with their api_key,
 * which {@link Open311Reports} checks, and reading needs none, as the spec says.
 */
@Configuration(proxyBeanMethods = false)
class Open311Access {
  @Bean
  ApiAccessRules open311Rules() {
    return rules -> rules.requestMatchers(HttpMethod.GET, "/open311/v2/**").permitAll()
        .requestMatchers(HttpMethod.POST, "/open311/v2/**").permitAll();
  }
}
