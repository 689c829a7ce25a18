package city.hotline.dispatch.casework;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Bureaus, dispatchers and leaders read cases; only bureau staff claim and resolve them; leaders
 * change nothing. Which unit's cases a bureau user may touch is checked with the case's data.
 */
@Configuration(proxyBeanMethods = false)
class CaseAccess {
  @Bean
  ApiAccessRules caseRules() {
    return rules -> rules
        .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/**")
        .hasAnyRole(Role.BUREAU.name(), Role.DISPATCHER.name(), Role.LEADER.name())
        .requestMatchers(HttpMethod.POST, "/api/cases/*/claim", "/api/cases/*/resolve")
        .hasRole(Role.BUREAU.name());
  }
}
