package city.hotline.feedback.visit;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/** Return visits (回访) are the operators' work; a citizen rates with a one-time link, without signing in. */
@Configuration(proxyBeanMethods = false)
class VisitAccess {
  @Bean
  ApiAccessRules visitRules() {
    return rules -> rules
        .requestMatchers("/api/visits", "/api/visits/**").hasRole(Role.OPERATOR.name())
        .requestMatchers(HttpMethod.POST, "/api/public/ratings", "/api/public/ratings/lookup").permitAll();
  }
}
