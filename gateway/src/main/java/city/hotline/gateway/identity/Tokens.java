package city.hotline.gateway.identity;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.stereotype.Component;

/**
 * Issues the signed tokens (RS256: subject, name, roles, unit, token version, 30 minutes by
 * default) and publishes the public key as a JWKS for the services.
 */
@Component
public class Tokens {
  public static final String ROLES = "roles";
  public static final String UNIT = "unit";
  public static final String NAME = "name";
  public static final String VERSION = "ver";

  private final SigningKey signingKey;
  private final JwtEncoder encoder;
  private final IdentitySettings settings;
  private final Clock clock;

  /** A token and when it stops working. */
  public record Issued(String token, Instant expiresAt) {}

  Tokens(SigningKey signingKey, IdentitySettings settings, Clock clock) {
    this.signingKey = signingKey;
    this.encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(signingKey.key())));
    this.settings = settings;
    this.clock = clock;
  }

  Issued issue(UserAccount user) {
    Instant now = clock.instant();
    Instant expiresAt = now.plus(settings.tokenLifetime());
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
        .issuer(settings.issuer())
        .subject(user.username())
        .id(UUID.randomUUID().toString())
        .issuedAt(now)
        .expiresAt(expiresAt)
        .claim(NAME, user.displayName())
        .claim(ROLES, user.roles().stream().map(Enum::name).toList())
        .claim(VERSION, user.tokenVersion());
    if (user.unitId() != null) {
      claims.claim(UNIT, user.unitId());
    }
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(signingKey.key().getKeyID()).build();
    return new Issued(encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue(), expiresAt);
  }

  /** The public half only, for the JWKS endpoint. */
  public Map<String, Object> publicKeys() {
    return new JWKSet(signingKey.key().toPublicJWK()).toJSONObject();
  }

  /** Checks the signature of the gateway's own tokens. */
  public NimbusJwtDecoder decoder() {
    try {
      return NimbusJwtDecoder.withPublicKey(signingKey.key().toRSAPublicKey()).build();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
