package city.hotline.gateway.identity;

import city.hotline.gateway.identity.throttle.LoginThrottle;
import city.hotline.gateway.identity.throttle.SignInFailure;
import city.hotline.gateway.security.Problems;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/** Sign-in (登录), sign-out and the public keys. */
@RestController
class AuthController {
  private static final Logger log = LoggerFactory.getLogger(AuthController.class);
  private static final String WRONG_CREDENTIALS = "用户名或密码错误 (wrong username or password)";

  private final UserRepository users;
  private final PasswordEncoder passwords;
  private final Tokens tokens;
  private final LiveTokens live;
  private final LoginThrottle throttle;
  /** Compared against when the user does not exist, so both answers take as long. */
  private final String decoyHash;

  record LoginRequest(@NotBlank(message = "is required") @Size(max = 64, message = "must be at most 64 characters") String username,
      @NotBlank(message = "is required") @Size(max = 128, message = "must be at most 128 characters") String password) {}

  record LoginResponse(String token, Instant expiresAt, UserAccount.View user) {}

  AuthController(UserRepository users, PasswordEncoder passwords, Tokens tokens, LiveTokens live,
      LoginThrottle throttle) {
    this.users = users;
    this.passwords = passwords;
    this.tokens = tokens;
    this.live = live;
    this.throttle = throttle;
    this.decoyHash = passwords.encode("decoy-password-never-used");
  }

  @PostMapping("/api/auth/login")
  ResponseEntity<?> login(@Valid @RequestBody LoginRequest request, HttpServletRequest http) {
    String address = http.getRemoteAddr();
    Optional<Duration> wait = throttle.admit(request.username(), address);
    if (wait.isPresent()) {
      long seconds = LoginThrottle.retryAfterSeconds(wait.get());
      return Problems.of(HttpStatus.TOO_MANY_REQUESTS,
          "登录失败次数过多，请 " + seconds + " 秒后再试 (too many failed sign-ins)",
          Map.of(HttpHeaders.RETRY_AFTER, Long.toString(seconds)));
    }
    Optional<UserAccount> user = users.find(request.username());
    boolean matches = passwords.matches(request.password(), user.map(UserAccount::passwordHash).orElse(decoyHash));
    SignInFailure failure = user.isEmpty() || !matches ? SignInFailure.BAD_CREDENTIALS
        : user.get().enabled() ? null : SignInFailure.ACCOUNT_DISABLED;
    if (failure != null) {
      throttle.failed(address, failure);
      log.info("sign-in refused: {}", failure);
      return Problems.of(HttpStatus.UNAUTHORIZED, WRONG_CREDENTIALS, Map.of());
    }
    throttle.signedIn(request.username());
    Tokens.Issued issued = tokens.issue(user.get());
    return ResponseEntity.ok(new LoginResponse(issued.token(), issued.expiresAt(), user.get().view()));
  }

  /** 退出登录: the token stops working now, not at its expiry. */
  @PostMapping("/api/auth/logout")
  ResponseEntity<Void> logout(@AuthenticationPrincipal Jwt jwt) {
    live.signOut(jwt);
    return ResponseEntity.noContent().build();
  }

  @GetMapping("/api/auth/me")
  UserAccount.View me(@AuthenticationPrincipal Jwt jwt) {
    return users.find(jwt.getSubject()).map(UserAccount::view).orElseThrow();
  }

  @GetMapping("/.well-known/jwks.json")
  Map<String, Object> jwks() {
    return tokens.publicKeys();
  }
}
