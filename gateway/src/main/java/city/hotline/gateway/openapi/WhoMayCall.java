package city.hotline.gateway.openapi;

import city.hotline.gateway.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletRequestWrapper;
import java.util.Collections;
import java.util.Enumeration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.authorization.AuthorizationManager;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.authority.AuthorityUtils;
import org.springframework.security.web.SecurityFilterChain;
import org.springframework.security.web.access.intercept.AuthorizationFilter;

/**
 * Asks the gateway's own authorization rules (GatewaySecurity's chain) who may call an operation: the request
 * is put to them once without a token and once per role, so the contract says what the door really does.
 */
final class WhoMayCall {
  private static final String CONTRACT_USER = "api-contract";

  private final AuthorizationManager<HttpServletRequest> rules;

  WhoMayCall(SecurityFilterChain chain) {
    this.rules = chain.getFilters().stream()
        .filter(AuthorizationFilter.class::isInstance)
        .map(f -> ((AuthorizationFilter) f).getAuthorizationManager())
        .findFirst()
        .orElseThrow(() -> new IllegalStateException("the gateway's chain has no authorization rules"));
  }

  /**
   * @param template any request of the gateway's (its servlet context, headers); only method and path are replaced
   * @param path a concrete path, e.g. {@code /api/cases/x/claim}
   */
  Access access(HttpServletRequest template, String method, String path) {
    if (granted(new AnonymousAuthenticationToken(CONTRACT_USER, CONTRACT_USER,
        AuthorityUtils.createAuthorityList("ROLE_ANONYMOUS")), template, method, path)) {
      return new Access(true, List.of(), false);
    }
    List<String> roles = Stream.of(Role.values())
        .filter(role -> granted(UsernamePasswordAuthenticationToken.authenticated(CONTRACT_USER, null,
            AuthorityUtils.createAuthorityList("ROLE_" + role.name())), template, method, path))
        .map(Role::name)
        .toList();
    return new Access(false, roles, roles.size() == Role.values().length);
  }

  private boolean granted(Authentication who, HttpServletRequest template, String method, String path) {
    Supplier<Authentication> authentication = () -> who;
    AuthorizationResult result = rules.authorize(authentication, new Probe(template, method, path));
    return result != null && result.isGranted();
  }

  /** The template request as if it were {@code method path}, with attributes of its own (no cached lookups). */
  private static final class Probe extends HttpServletRequestWrapper {
    private final String method;
    private final String path;
    private final Map<String, Object> attributes = new HashMap<>();

    Probe(HttpServletRequest template, String method, String path) {
      super(template);
      this.method = method;
      this.path = path;
    }

    @Override
    public String getMethod() {
      return method;
    }

    @Override
    public String getRequestURI() {
      return path;
    }

    @Override
    public StringBuffer getRequestURL() {
      return new StringBuffer(path);
    }

    @Override
    public String getContextPath() {
      return "";
    }

    @Override
    public String getServletPath() {
      return path;
    }

    @Override
    public String getPathInfo() {
      return null;
    }

    @Override
    public String getQueryString() {
      return null;
    }

    @Override
    public Object getAttribute(String name) {
      return attributes.get(name);
    }

    @Override
    public Enumeration<String> getAttributeNames() {
      return Collections.enumeration(attributes.keySet());
    }

    @Override
    public void setAttribute(String name, Object value) {
      attributes.put(name, value);
    }

    @Override
    public void removeAttribute(String name) {
      attributes.remove(name);
    }
  }
}
