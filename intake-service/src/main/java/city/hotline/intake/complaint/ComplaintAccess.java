package city.hotline.intake.complaint;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Only call-takers register calls (受理); operators and leaders search; anyone signed in may read a
 * work order, as their role allows.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintAccess {
  @Bean
  ApiAccessRules complaintRules() {
    return rules -> rules
        .requestMatchers(HttpMethod.POST, "/api/complaints", "/api/complaints/**").hasRole(Role.OPERATOR.name())
        .requestMatchers(HttpMethod.GET, "/api/complaints").hasAnyRole(Role.OPERATOR.name(), Role.LEADER.name());
  }
}
