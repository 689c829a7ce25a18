package city.hotline.gateway.identity;

import java.util.List;

/**
 * A user of the system.
 *
 * @param unitId the unit a BUREAU user belongs to, else null
 * @param tokenVersion carried in every token; bumped when the user is disabled, re-roled or given a
 *     new password, which ends every token issued before
 */
public record UserAccount(
    String username,
    String displayName,
    String passwordHash,
    List<Role> roles,
    String unitId,
    String unitName,
    boolean enabled,
    int tokenVersion) {

  /** What the API shows of a user: never the hash. */
  public record View(String username, String displayName, List<Role> roles, String unitId, String unitName,
      boolean enabled) {}

  public View view() {
    return new View(username, displayName, roles, unitId, unitName, enabled);
  }
}
