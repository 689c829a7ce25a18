package city.hotline.support.security;

import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;

/**
 * Who is calling, from the verified token: the rules that need a service's data (a bureau sees
 * only its unit's cases, only operators see full phone numbers) ask this.
 *
 * @param unitId the unit a BUREAU user belongs to, else null
 */
public record Caller(String username, String displayName, Set<Role> roles, String unitId) {

  public static final String ROLES_CLAIM = "roles";
  public static final String UNIT_CLAIM = "unit";
  public static final String NAME_CLAIM = "name";

  public boolean has(Role role) {
    return roles.contains(role);
  }

  /** Bureau staff see and act on their own unit's cases only. */
  public boolean isScopedTo(String unit) {
    return !has(Role.BUREAU) || (unitId != null && unitId.equals(unit));
  }

  /** How the caller is named in audit trails and timelines. */
  public String actor() {
    return displayName != null ? displayName : username;
  }

  public static Caller of(Jwt jwt) {
    List<String> claimed = jwt.getClaimAsStringList(ROLES_CLAIM);
    Set<Role> roles = EnumSet.noneOf(Role.class);
    if (claimed != null) {
      for (String role : claimed) {
        try {
          roles.add(Role.valueOf(role));
        } catch (IllegalArgumentException unknownRole) {
          // a role this service does not know grants nothing here
        }
      }
    }
    return new Caller(jwt.getSubject(), jwt.getClaimAsString(NAME_CLAIM), roles, jwt.getClaimAsString(UNIT_CLAIM));
  }

  /** The caller of the current request; the security chain guarantees one on every /api path. */
  public static Caller current() {
    Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
    if (authentication instanceof JwtAuthenticationToken token) {
      return of(token.getToken());
    }
    throw new IllegalStateException("no signed-in caller on this request");
  }
}
