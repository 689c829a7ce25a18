package city.hotline.gateway.identity;

import java.time.Duration;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;

/** Sign-in settings (application.yml {@code hotline.identity}). */
@ConfigurationProperties("hotline.identity")
public record IdentitySettings(
    String issuer,
    Duration tokenLifetime,
    String signingKeyPem,
    String externalJwksUri,
    boolean seedDemoUsers,
    String demoPassword,
    List<DemoUser> demoUsers) {

  public record DemoUser(String username, String displayName, List<Role> roles, String unitId, String unitName) {}

  public boolean usesExternalIssuer() {
    return externalJwksUri != null && !externalJwksUri.isBlank();
  }
}
