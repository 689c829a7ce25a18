package city.hotline.dispatch.routing;

import city.hotline.support.security.ApiAccessRules;
import city.hotline.support.security.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Only admins change (or read the admin view of) routing rules and units; anyone signed in may list
 * the active units. The gateway checks the same; the service does not rely on it.
 */
@Configuration(proxyBeanMethods = false)
class RoutingAccess {
  @Bean
  ApiAccessRules routingRules() {
    return rules -> rules
        .requestMatchers("/api/admin/routing-rules", "/api/admin/routing-rules/**", "/api/admin/units",
            "/api/admin/units/**")
        .hasRole(Role.ADMIN.name())
        .requestMatchers(HttpMethod.GET, "/api/units").authenticated();
  }
}
