package city.hotline.gateway.identity;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Duration;
import org.bson.conversions.Bson;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;

/**
 * Whether a token still works: not signed out (退出登录), and its user enabled and unchanged since it
 * was issued. Two keyed reads per request were an eighth of the gateway's CPU, so each answer is
 * reused for {@code hotline.identity.live-check-cache} (1 s). A sign-out or a change of the user made
 * through this replica takes effect at once; one made through another replica, within that time.
 */
@Component
public class LiveTokens {
  private final RevokedTokens revoked;
  private final UserRepository users;
  /** token id → its answer, with the user it belongs to so a change of that user can forget it */
  private final Cache<String, Answer> answers;

  private record Answer(String username, boolean live) {}

  LiveTokens(RevokedTokens revoked, UserRepository users,
      @Value("${hotline.identity.live-check-cache}") Duration reuse,
      @Value("${hotline.identity.live-check-capacity}") int capacity) {
    this.revoked = revoked;
    this.users = users;
    this.answers = Caffeine.newBuilder().expireAfterWrite(reuse).maximumSize(capacity).build();
  }

  public boolean isLive(Jwt jwt) {
    if (jwt.getId() == null) {
      return false;
    }
    return answers.get(jwt.getId(), id -> new Answer(jwt.getSubject(), check(jwt))).live();
  }

  /** 退出登录: the token stops working now, not at its expiry. */
  void signOut(Jwt jwt) {
    revoked.revoke(jwt.getId(), jwt.getExpiresAt());
    answers.invalidate(jwt.getId());
  }

  /** Applies the change to the user and ends every token issued before it. */
  boolean changeUser(String username, Bson... changes) {
    boolean found = users.updateAndRevokeTokens(username, changes);
    answers.asMap().values().removeIf(answer -> answer.username().equals(username));
    return found;
  }

  private boolean check(Jwt jwt) {
    if (revoked.isRevoked(jwt.getId())) {
      return false;
    }
    UserAccount user = users.find(jwt.getSubject()).orElse(null);
    Number version = jwt.getClaim(Tokens.VERSION);
    return user != null && user.enabled() && version != null && version.intValue() == user.tokenVersion();
  }
}
