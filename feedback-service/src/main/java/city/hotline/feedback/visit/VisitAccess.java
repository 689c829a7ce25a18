package city.hotline.feedback.visit;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** Return visits (回访) are the operators' work. */
@Configuration(proxyBeanMethods = false)
class VisitAccess {
  @Bean
  ApiAccessRules visitRules() {
    return rules -> rules.requestMatchers("/api/visits", "/api/visits/**").hasRole(Role.OPERATOR.name());
  }
}
