package city.hotline.gateway.security;

import city.hotline.gateway.identity.IdentitySettings;
import city.hotline.gateway.identity.LiveTokens;
import city.hotline.gateway.identity.Role;
import city.hotline.gateway.identity.Tokens;
import city.hotline.support.security.VerifiedTokens;
import java.time.Clock;
import java.util.List;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.security.config.annotation.web.builders.HttpSecurity;
import org.springframework.security.config.annotation.web.configurers.AbstractHttpConfigurer;
import org.springframework.security.config.http.SessionCreationPolicy;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.crypto.bcrypt.BCryptPasswordEncoder;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationConverter;
import org.springframework.security.web.AuthenticationEntryPoint;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.AccessDeniedHandler;

/**
 * The one door (SPEC §6, §7): no valid token, 401; a role that may not use the route, 403 — before
 * anything reaches a service. A token also stops working when its user signs out, is disabled,
 * re-roled or given a new password.
 */
@Configuration(proxyBeanMethods = false)
class GatewaySecurity {
  private static final String[] PUBLIC_PAGES = {
    "/", "/index.html", "/*.html", "/css/**", "/js/**", "/img/**", "/webjars/**", "/vendor/**", "/favicon.ico", "/error"
  };
  /** Who reads a work order (GET /api/complaints/{id}), each as far as intake's own rules allow. */
  private static final String[] TICKET_READERS = {
    Role.OPERATOR.name(), Role.DISPATCHER.name(), Role.BUREAU.name(), Role.LEADER.name(), Role.ADMIN.name()
  };
  /** 突发预警: the leadership and the dispatch desk, which merges the calls behind an alert and presses their units. */
  private static final String[] ALERT_READERS = {Role.LEADER.name(), Role.DISPATCHER.name()};

  @Bean
  SecurityFilterChain gatewayChain(HttpSecurity http) throws Exception {
    AuthenticationEntryPoint signInFirst = (request, response, e) -> Problems.write(response,
        HttpStatus.UNAUTHORIZED, "请先登录 (sign in first: the request has no valid token)");
    AccessDeniedHandler notYourRole = (request, response, e) -> Problems.write(response,
        HttpStatus.FORBIDDEN, "无权限 (your role may not do this)");
    http.csrf(AbstractHttpConfigurer::disable)
        .sessionManagement(s -> s.sessionCreationPolicy(SessionCreationPolicy.STATELESS))
        .authorizeHttpRequests(rules -> rules
            .requestMatchers(HttpMethod.POST, "/api/auth/login").permitAll()
            // 评价链接: a citizen rates with the one-time token in the body, without an account
            .requestMatchers(HttpMethod.POST, "/api/public/ratings", "/api/public/ratings/lookup").permitAll()
            // the citizens' own page: progress by ticket number and the phone's last four digits, and web reports
            .requestMatchers(HttpMethod.POST, "/api/public/progress", "/api/public/reports").permitAll()
            // ... and the districts and categories its report form offers (codes and names only)
            .requestMatchers(HttpMethod.GET, "/api/public/reference").permitAll()
            // Open311 GeoReport v2: partner systems, each with its own api_key that intake checks
            .requestMatchers(HttpMethod.GET, "/open311/v2/**").permitAll()
            .requestMatchers(HttpMethod.POST, "/open311/v2/**").permitAll()
            // The actuator is not here: it answers on the management port (operability.ManagementPort).
            .requestMatchers("/.well-known/jwks.json").permitAll()
            .requestMatchers(HttpMethod.GET, PUBLIC_PAGES).permitAll()
            // 接口契约: the merged OpenAPI document, for every signed-in user (the page /api-docs.html is public like
            // the other pages, and fetches it with the session's token); the services' own /v3/api-docs is not routed
            .requestMatchers(HttpMethod.GET, "/api-docs").authenticated()
            // one's own session, and the code lists every form needs (categories, districts): any role
            .requestMatchers("/api/auth/**", "/api/reference/**").authenticated()
            .requestMatchers("/api/admin/**").hasRole(Role.ADMIN.name())
            // 重复件: operators merge a repeated call, and so does the desk, those behind a surge alert
            .requestMatchers(HttpMethod.POST, "/api/complaints/*/merge")
            .hasAnyRole(Role.OPERATOR.name(), Role.DISPATCHER.name())
            .requestMatchers(HttpMethod.POST, "/api/complaints", "/api/complaints/**").hasRole(Role.OPERATOR.name())
            .requestMatchers(HttpMethod.GET, "/api/complaints").hasAnyRole(Role.OPERATOR.name(), Role.LEADER.name())
            // a work order names its caller: the roles that work tickets read it, not a knowledge editor
            .requestMatchers(HttpMethod.GET, "/api/complaints/**").hasAnyRole(TICKET_READERS)
            .requestMatchers(HttpMethod.GET, "/api/cases", "/api/cases/**")
            .hasAnyRole(Role.BUREAU.name(), Role.DISPATCHER.name(), Role.LEADER.name())
            // units' ids and names only (an editor scopes articles to them): any role
            .requestMatchers(HttpMethod.GET, "/api/units").authenticated()
            .requestMatchers(HttpMethod.POST, "/api/cases/*/dispatch", "/api/cases/*/press",
                "/api/cases/*/extension/approve", "/api/cases/*/extension/reject").hasRole(Role.DISPATCHER.name())
            .requestMatchers(HttpMethod.POST, "/api/cases/**").hasRole(Role.BUREAU.name())
            .requestMatchers("/api/visits", "/api/visits/**").hasRole(Role.OPERATOR.name())
            .requestMatchers(HttpMethod.GET, "/api/dashboard/alerts", "/api/dashboard/alerts/stream")
            .hasAnyRole(ALERT_READERS)
            .requestMatchers(HttpMethod.POST, "/api/dashboard/alerts/*/acknowledge").hasAnyRole(ALERT_READERS)
            .requestMatchers("/api/dashboard", "/api/dashboard/**").hasRole(Role.LEADER.name())
            // 知识库 knowledge base (SPEC §8.4): everyone signed in reads; editors write; bureaus propose for their unit
            .requestMatchers(HttpMethod.GET, "/api/knowledge/articles", "/api/knowledge/articles/**").authenticated()
            .requestMatchers(HttpMethod.POST, "/api/knowledge/articles", "/api/knowledge/articles/**")
            .hasRole(Role.KNOWLEDGE_EDITOR.name())
            .requestMatchers(HttpMethod.PUT, "/api/knowledge/articles/**").hasRole(Role.KNOWLEDGE_EDITOR.name())
            .requestMatchers(HttpMethod.POST, "/api/knowledge/proposals").hasRole(Role.BUREAU.name())
            .requestMatchers(HttpMethod.POST, "/api/knowledge/proposals/*/accept", "/api/knowledge/proposals/*/reject")
            .hasRole(Role.KNOWLEDGE_EDITOR.name())
            .requestMatchers(HttpMethod.GET, "/api/knowledge/proposals", "/api/knowledge/proposals/**")
            .hasAnyRole(Role.KNOWLEDGE_EDITOR.name(), Role.BUREAU.name())
            .anyRequest().denyAll())
        .oauth2ResourceServer(server -> server
            .jwt(jwt -> jwt.jwtAuthenticationConverter(rolesFromClaim()))
            .authenticationEntryPoint(signInFirst)
            .accessDeniedHandler(notYourRole))
        .exceptionHandling(e -> e.authenticationEntryPoint(signInFirst).accessDeniedHandler(notYourRole));
    return http.build();
  }

  /**
   * The gateway's own tokens, or an external OpenID Connect issuer's when one is configured; either
   * way a token must still be live: not signed out, and its user enabled and unchanged since. Each
   * token's signature is checked once while it lives ({@link VerifiedTokens}), the rest on every request.
   */
  @Bean
  JwtDecoder jwtDecoder(IdentitySettings settings, Tokens tokens, LiveTokens live,
      @Value("${hotline.identity.verified-tokens}") int verifiedTokens) {
    if (settings.usesExternalIssuer()) {
      return VerifiedTokens.of(NimbusJwtDecoder.withJwkSetUri(settings.externalJwksUri()).build(),
          JwtValidators.createDefault(), verifiedTokens);
    }
    return VerifiedTokens.of(tokens.decoder(),
        new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), live(live)), verifiedTokens);
  }

  static OAuth2TokenValidator<Jwt> live(LiveTokens live) {
    return jwt -> live.isLive(jwt) ? OAuth2TokenValidatorResult.success()
        : failure("the token was signed out, or its user is disabled or has changed");
  }

  private static OAuth2TokenValidatorResult failure(String why) {
    return OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", why, null));
  }

  static JwtAuthenticationConverter rolesFromClaim() {
    JwtAuthenticationConverter converter = new JwtAuthenticationConverter();
    converter.setJwtGrantedAuthoritiesConverter(jwt -> {
      List<String> roles = jwt.getClaimAsStringList(Tokens.ROLES);
      return roles == null ? List.<GrantedAuthority>of()
          : roles.stream().<GrantedAuthority>map(r -> new SimpleGrantedAuthority("ROLE_" + r)).toList();
    });
    return converter;
  }

  @Bean
  PasswordEncoder passwordEncoder() {
    return new BCryptPasswordEncoder();
  }

  @Bean
  Clock clock() {
    return Clock.systemUTC();
  }
}
