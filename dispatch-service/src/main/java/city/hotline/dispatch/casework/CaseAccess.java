package city.hotline.dispatch.casework;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Bureaus, dispatchers and leaders read cases; bureau staff claim, resolve, return and ask for time;
 * the dispatch desk routes, decides extensions and presses; leaders change nothing. Which unit's cases
 * a bureau user may touch is checked with the case's data.
 */
@Configuration(proxyBeanMethods = false)
class CaseAccess {
  @Bean
  ApiAccessRules caseRules() {
    return rules -> rules
        .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/**")
        .hasAnyRole(Role.BUREAU.name(), Role.DISPATCHER.name(), Role.LEADER.name())
        .requestMatchers(HttpMethod.POST, "/api/cases/*/dispatch", "/api/cases/*/press",
            "/api/cases/*/extension/approve", "/api/cases/*/extension/reject")
        .hasRole(Role.DISPATCHER.name())
        .requestMatchers(HttpMethod.POST, "/api/cases/*/claim", "/api/cases/*/resolve", "/api/cases/*/return",
            "/api/cases/*/extension")
        .hasRole(Role.BUREAU.name());
  }
}
