package city.hotline.testsupport;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jose.jwk.source.ImmutableJWKSet;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.springframework.security.oauth2.jose.jws.SignatureAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;

/**
 * Tokens shaped like the gateway's (RS256; subject, name, roles, unit) signed by a test key, so a
 * service's own checks can be tested by calling it directly with crafted tokens.
 */
public final class TestTokens {
  private static final Duration LIFETIME = Duration.ofMinutes(30);
  private static final RSAKey KEY = newKey();
  private static final RSAKey OTHER_KEY = newKey();

  private TestTokens() {}

  /** The decoder a service under test trusts: the test key's public half. */
  public static NimbusJwtDecoder decoder() {
    try {
      return NimbusJwtDecoder.withPublicKey(KEY.toRSAPublicKey()).build();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }

  public static String token(String username, String unit, String... roles) {
    return sign(KEY, username, unit, Instant.now().plus(LIFETIME), roles);
  }

  public static String expired(String username, String unit, String... roles) {
    return sign(KEY, username, unit, Instant.now().minus(Duration.ofMinutes(5)), roles);
  }

  /** A well-formed token the service must refuse: signed by a key it does not trust. */
  public static String signedByAnotherKey(String username, String unit, String... roles) {
    return sign(OTHER_KEY, username, unit, Instant.now().plus(LIFETIME), roles);
  }

  private static String sign(RSAKey key, String username, String unit, Instant expiresAt, String... roles) {
    NimbusJwtEncoder encoder = new NimbusJwtEncoder(new ImmutableJWKSet<>(new JWKSet(key)));
    JwtClaimsSet.Builder claims = JwtClaimsSet.builder()
        .issuer("hotline-test")
        .subject(username)
        .id(UUID.randomUUID().toString())
        .issuedAt(expiresAt.minus(LIFETIME))
        .expiresAt(expiresAt)
        .claim("name", username)
        .claim("roles", List.of(roles));
    if (unit != null) {
      claims.claim("unit", unit);
    }
    JwsHeader header = JwsHeader.with(SignatureAlgorithm.RS256).keyId(key.getKeyID()).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims.build())).getTokenValue();
  }

  private static RSAKey newKey() {
    try {
      return new RSAKeyGenerator(2048).keyID(UUID.randomUUID().toString()).generate();
    } catch (JOSEException e) {
      throw new IllegalStateException(e);
    }
  }
}
