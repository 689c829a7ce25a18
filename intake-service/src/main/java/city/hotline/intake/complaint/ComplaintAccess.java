package city.hotline.intake.complaint;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Only call-takers register calls (受理); operators and the dispatch desk merge a repeated call (重复件, the desk
 * those behind a surge alert); operators and leaders search; the roles that work tickets read a work order, as
 * their role allows. Not "anyone signed in": a knowledge editor (知识库管理员) has no business with tickets, which
 * carry callers' names even when confidential.
 */
@Configuration(proxyBeanMethods = false)
class ComplaintAccess {
  @Bean
  ApiAccessRules complaintRules() {
    return rules -> rules
        .requestMatchers(HttpMethod.POST, "/api/complaints/*/merge").hasAnyRole(Role.OPERATOR.name(),
            Role.DISPATCHER.name())
        .requestMatchers(HttpMethod.POST, "/api/complaints", "/api/complaints/**").hasRole(Role.OPERATOR.name())
        .requestMatchers(HttpMethod.GET, "/api/complaints").hasAnyRole(Role.OPERATOR.name(), Role.LEADER.name())
        .requestMatchers(HttpMethod.GET, "/api/complaints/**").hasAnyRole(Role.OPERATOR.name(),
            Role.DISPATCHER.name(), Role.BUREAU.name(), Role.LEADER.name(), Role.ADMIN.name());
  }
}
