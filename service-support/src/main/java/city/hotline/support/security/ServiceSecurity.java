package city.hotline.support.security;

import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;

/**
 * Every service checks the token itself (the gateway is not the only line): a valid signature from
 * the gateway's keys (JWKS) or a configured OpenID Connect issuer, then the service's own role
 * rules. 401 and 403 are problem+json like every other error.
 */
@Configuration(proxyBeanMethods = false)
public class ServiceSecurity {

  @Bean
  SecurityFilterChain serviceSecurityChain(HttpSecurity http, List<ApiAccessRules> serviceRules) throws Exception {
    AuthenticationEntryPoint signInFirst = (request, response, e) ->
        problem(response, HttpStatus.UNAUTHORIZED, "Sign in first: the request has no valid token");
    AccessDeniedHandler notYourRole = (request, response, e) ->
        problem(response, HttpStatus.FORBIDDEN, "Your role may not do this");
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(rules -> {
          // Prometheus scrapes the service's own port without a token; the gateway never routes /actuator/**.
          rules.requestMatchers("/actuator/health", "/actuator/health/**", "/actuator/info", "/actuator/prometheus",
              "/error").permitAll();
          serviceRules.forEach(r -> r.apply(rules));
          rules.anyRequest().authenticated();
        })
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
            .authenticationEntryPoint(signInFirst)
            .accessDeniedHandler(notYourRole))
        .exceptionHandling(e -> e.authenticationEntryPoint(signInFirst).accessDeniedHandler(notYourRole));
    return http.build();
  }

  /**
   * Signatures checked against the gateway's keys (or the configured issuer's), each token once
   * while it lives; expiry is checked on every request.
   */
  @Bean
  JwtDecoder verifiedTokens(@Value("${spring.security.oauth2.resourceserver.jwt.jwk-set-uri}") String jwkSetUri,
      @Value("${hotline.security.verified-tokens}") int verifiedTokens) {
    return VerifiedTokens.of(NimbusJwtDecoder.withJwkSetUri(jwkSetUri).build(), JwtValidators.createDefault(),
        verifiedTokens);
  }

  /** The {@code roles} claim becomes ROLE_ authorities, so rules read {@code hasRole("BUREAU")}. */
  static JwtAuthenticationConverter rolesFromClaim() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(jwt -> {
      List<String> roles = jwt.getClaimAsStringList(Caller.ROLES_CLAIM);
      return roles == null ? List.<GrantedAuthority>of()
          : roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    });
    return converter;
  }

  static void problem(HttpServletResponse response, HttpStatus status, String detail) throws IOException {
    response.setStatus(status.value());
    response.setContentType(MediaType.APPLICATION_PROBLEM_JSON_VALUE);
    response.setCharacterEncoding("UTF-8");
    response.getWriter().write("{\"type\":\"about:blank\",\"title\":\"" + status.getReasonPhrase()
        + "\",\"status\":" + status.value() + ",\"detail\":\"" + detail + "\"}");
  }
}
