package city.hotline.gateway.operability;

import org.springframework.boot.actuate.autoconfigure.web.server.ManagementPortType;
import org.springframework.boot.security.autoconfigure.actuate.web.servlet.EndpointRequest;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.core.env.Environment;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.web.SecurityFilterChain;

/**
 * The actuator (health, info, prometheus) lives on its own port, reached only from inside the
 * deployment: Prometheus and the launcher's health check use it without a token. The gateway's
 * public port is its one door, so the actuator must never share it: a configuration that would put
 * it there stops the gateway at start instead of publishing its metrics to the world.
 */
@Configuration(proxyBeanMethods = false)
class ManagementPort {

  /**
   * Before the public chain. The matcher matches only requests that arrived on the management
   * port (the request's context is the management one), so the same path on the public port still
   * goes to the public chain, and never reaches an endpoint there.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityFilterChain managementChain(HttpSecurity http, Environment environment) throws Exception {
    requireOwnPort(environment);
    return http.securityMatcher(EndpointRequest.toAnyEndpoint())
        .csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(rules -> rules.anyRequest().permitAll())
        .build();
  }

  static void requireOwnPort(Environment environment) {
    if (ManagementPortType.get(environment) == ManagementPortType.SAME) {
      throw new IllegalStateException("management.server.port (MANAGEMENT_PORT) must differ from server.port: "
          + "the gateway's port is public, and the actuator must not be reachable from outside");
    }
  }
}
