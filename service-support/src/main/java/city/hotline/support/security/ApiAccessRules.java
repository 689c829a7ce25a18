package city.hotline.support.security;

import org.springframework.security.config.annotation.web.configurers.AuthorizeHttpRequestsConfigurer;

/** A service's own role rules for its paths, applied before the shared "signed in for everything else". */
@FunctionalInterface
public interface ApiAccessRules {
  void apply(AuthorizeHttpRequestsConfigurer<?>.AuthorizationManagerRequestMatcherRegistry rules);
}
