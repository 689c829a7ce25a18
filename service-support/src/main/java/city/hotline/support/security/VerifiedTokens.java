package city.hotline.support.security;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import com.github.benmanes.caffeine.cache.Expiry;
import java.time.Duration;
import java.time.Instant;
import java.util.stream.Collectors;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

/**
 * Checks a token's signature once and remembers the parsed token until it expires. A user sends the
 * same token with every request for half an hour, and parsing it and checking its RSA signature
 * again each time was a fifth of the gateway's CPU per request. The validator (expiry, and at the
 * gateway whether the token was signed out) still runs on every request, on the remembered token.
 * The cache is keyed by the whole token string, so only the very token that passed is ever
 * accepted without a check; it holds at most {@code capacity} tokens.
 */
public final class VerifiedTokens implements JwtDecoder {
  private final JwtDecoder signatureCheck;
  private final OAuth2TokenValidator<Jwt> validator;
  private final Cache<String, Jwt> verified;

  VerifiedTokens(JwtDecoder signatureCheck, OAuth2TokenValidator<Jwt> validator, int capacity) {
    this.signatureCheck = signatureCheck;
    this.validator = validator;
    this.verified = Caffeine.newBuilder()
        .maximumSize(capacity)
        .expireAfter(Expiry.<String, Jwt>creating((token, jwt) -> lifetime(jwt)))
        .build();
  }

  /**
   * @param decoder checks signatures; its own validator is replaced by one that accepts every token,
   *     since {@code validator} runs on each use instead
   */
  public static VerifiedTokens of(NimbusJwtDecoder decoder, OAuth2TokenValidator<Jwt> validator, int capacity) {
    decoder.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
    return new VerifiedTokens(decoder, validator, capacity);
  }

  /** Only a token that passed both the signature check and the validator is remembered. */
  @Override
  public Jwt decode(String token) throws JwtException {
    Jwt remembered = verified.getIfPresent(token);
    Jwt jwt = remembered != null ? remembered : signatureCheck.decode(token);
    OAuth2TokenValidatorResult result = validator.validate(jwt);
    if (result.hasErrors()) {
      String why = result.getErrors().stream().map(OAuth2Error::getDescription).collect(Collectors.joining("; "));
      throw new JwtValidationException("An error occurred while attempting to decode the Jwt: " + why,
          result.getErrors());
    }
    if (remembered == null) {
      verified.put(token, jwt);
    }
    return jwt;
  }

  /** How many tokens are remembered now (for tests). */
  long size() {
    verified.cleanUp();
    return verified.estimatedSize();
  }

  /** Until the token expires; a token without an expiry is checked afresh every time. */
  private static Duration lifetime(Jwt jwt) {
    Instant expiresAt = jwt.getExpiresAt();
    if (expiresAt == null) {
      return Duration.ZERO;
    }
    Duration left = Duration.between(Instant.now(), expiresAt);
    return left.isNegative() ? Duration.ZERO : left;
  }
}
