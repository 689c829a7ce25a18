package city.hotline.feedback.stats;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The leadership's figures are for leaders (领导, 督办室). */
@Configuration(proxyBeanMethods = false)
class DashboardAccess {
  @Bean
  ApiAccessRules dashboardRules() {
    return rules -> rules.requestMatchers("/api/dashboard", "/api/dashboard/**").hasRole(Role.LEADER.name());
  }
}
