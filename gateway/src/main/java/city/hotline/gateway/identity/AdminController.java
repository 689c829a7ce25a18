package city.hotline.gateway.identity;

import city.hotline.gateway.security.Problems;
import city.hotline.support.validation.OneOf;
import com.mongodb.client.model.Updates;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * User administration (ADMIN only): create, disable, re-role, reset passwords. Each change ends the user's old tokens.
 *
 * <p>Roles arrive as names checked by {@link OneOf}, not as {@link Role}s: an unknown role is then reported, with the
 * roles there are, together with every other broken rule of the request, instead of failing the JSON reading alone.
 * Once the request is valid they are taken as {@link Role}s ({@link #rolesOf}) and only those are used.
 */
@RestController
@RequestMapping("/api/admin/users")
class AdminController {
  private final UserRepository users;
  private final PasswordEncoder passwords;
  private final LiveTokens live;

  record NewUser(
      @NotBlank(message = "is required") @Pattern(regexp = "[a-z0-9._-]{2,32}", message = "must be 2-32 of a-z 0-9 . _ -") String username,
      @NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String displayName,
      @NotBlank(message = "is required") @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password,
      @NotEmpty(message = "must name at least one role") List<@NotNull(message = "must name a role") @OneOf(Role.class) String> roles,
      String unitId,
      String unitName) {}

  record RoleChange(
      @NotEmpty(message = "must name at least one role") List<@NotNull(message = "must name a role") @OneOf(Role.class) String> roles,
      String unitId,
      String unitName) {}

  record PasswordReset(@NotBlank(message = "is required") @Size(min = 10, max = 128, message = "must be 10 to 128 characters") String password) {}

  AdminController(UserRepository users, PasswordEncoder passwords, LiveTokens live) {
    this.users = users;
    this.passwords = passwords;
    this.live = live;
  }

  @GetMapping
  List<UserAccount.View> list() {
    return users.all().stream().map(UserAccount::view).toList();
  }

  @PostMapping
  ResponseEntity<?> create(@Valid @RequestBody NewUser user) {
    List<Role> roles = rolesOf(user.roles());
    ResponseEntity<?> unitProblem = unitRule(roles, user.unitId());
    if (unitProblem != null) {
      return unitProblem;
    }
    UserAccount account = new UserAccount(user.username(), user.displayName(), passwords.encode(user.password()),
        roles, unitOf(roles, user.unitId()), unitOf(roles, user.unitName()), true, 0);
    if (!users.insert(account)) {
      return Problems.of(HttpStatus.CONFLICT, "user " + user.username() + " already exists", Map.of());
    }
    return ResponseEntity.created(URI.create("/api/admin/users/" + user.username())).body(account.view());
  }

  @PutMapping("/{username}/roles")
  ResponseEntity<?> reRole(@PathVariable String username, @Valid @RequestBody RoleChange change) {
    List<Role> roles = rolesOf(change.roles());
    ResponseEntity<?> unitProblem = unitRule(roles, change.unitId());
    if (unitProblem != null) {
      return unitProblem;
    }
    return changed(username, live.changeUser(username,
        Updates.set("roles", roles.stream().map(Enum::name).toList()),
        Updates.set("unitId", unitOf(roles, change.unitId())),
        Updates.set("unitName", unitOf(roles, change.unitName()))));
  }

  @PostMapping("/{username}/disable")
  ResponseEntity<?> disable(@PathVariable String username) {
    return changed(username, live.changeUser(username, Updates.set("enabled", false)));
  }

  @PostMapping("/{username}/enable")
  ResponseEntity<?> enable(@PathVariable String username) {
    return changed(username, live.changeUser(username, Updates.set("enabled", true)));
  }

  @PostMapping("/{username}/password")
  ResponseEntity<?> resetPassword(@PathVariable String username, @Valid @RequestBody PasswordReset reset) {
    return changed(username, live.changeUser(username,
        Updates.set("passwordHash", passwords.encode(reset.password()))));
  }

  private ResponseEntity<?> changed(String username, boolean found) {
    if (!found) {
      return Problems.of(HttpStatus.NOT_FOUND, "user " + username + " does not exist", Map.of());
    }
    return ResponseEntity.ok(users.find(username).orElseThrow().view());
  }

  /** The roles of a request that passed validation: every name is a {@link Role}'s, so none fails here. */
  private static List<Role> rolesOf(List<String> names) {
    return names.stream().map(Role::valueOf).toList();
  }

  /** A bureau user belongs to exactly one unit; nobody else belongs to one. */
  private static ResponseEntity<?> unitRule(List<Role> roles, String unitId) {
    if (roles.contains(Role.BUREAU) && (unitId == null || unitId.isBlank())) {
      return Problems.invalid(List.of(Problems.fieldError("unitId", "is required for a BUREAU user")));
    }
    return null;
  }

  private static String unitOf(List<Role> roles, String value) {
    return roles.contains(Role.BUREAU) ? value : null;
  }
}
