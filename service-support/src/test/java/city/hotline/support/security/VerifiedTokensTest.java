package city.hotline.support.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import city.hotline.testsupport.TestTokens;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2Error;
import org.springframework.security.oauth2.core.OAuth2TokenValidator;
import org.springframework.security.oauth2.core.OAuth2TokenValidatorResult;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtDecoder;
import org.springframework.security.oauth2.jwt.JwtException;
import org.springframework.security.oauth2.jwt.JwtValidationException;
import org.springframework.security.oauth2.jwt.JwtValidators;
import org.springframework.security.oauth2.jwt.NimbusJwtDecoder;

class VerifiedTokensTest {
  private final AtomicInteger signatureChecks = new AtomicInteger();
  private final AtomicBoolean signedOut = new AtomicBoolean();

  /** Counts signature checks; accepts every signature the test key made, like a service's decoder. */
  private JwtDecoder countingSignatureCheck() {
    NimbusJwtDecoder nimbus = TestTokens.decoder();
    nimbus.setJwtValidator(jwt -> OAuth2TokenValidatorResult.success());
    return token -> {
      signatureChecks.incrementAndGet();
      return nimbus.decode(token);
    };
  }

  /** Expiry, plus a switch standing for "signed out", as the gateway's live check would answer. */
  private OAuth2TokenValidator<Jwt> validator() {
    OAuth2TokenValidator<Jwt> live = jwt -> signedOut.get()
        ? OAuth2TokenValidatorResult.failure(new OAuth2Error("invalid_token", "the token was signed out", null))
        : OAuth2TokenValidatorResult.success();
    return new DelegatingOAuth2TokenValidator<>(JwtValidators.createDefault(), live);
  }

  private VerifiedTokens tokens(int capacity) {
    return new VerifiedTokens(countingSignatureCheck(), validator(), capacity);
  }

  @Test
  void aTokenUsedAgainAndAgainHasItsSignatureCheckedOnce() {
    VerifiedTokens tokens = tokens(100);
    String token = TestTokens.token("operator", null, "OPERATOR");

    for (int i = 0; i < 5; i++) {
      assertThat(tokens.decode(token).getSubject()).isEqualTo("operator");
    }

    assertThat(signatureChecks).hasValue(1);
  }

  @Test
  void aRememberedTokenIsStillRefusedOnceItsValidatorSaysNo() {
    VerifiedTokens tokens = tokens(100);
    String token = TestTokens.token("operator", null, "OPERATOR");
    tokens.decode(token);

    signedOut.set(true);

    assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class)
        .hasMessageContaining("signed out");
  }

  @Test
  void anExpiredTokenIsRefusedAndNotRemembered() {
    VerifiedTokens tokens = tokens(100);
    String token = TestTokens.expired("operator", null, "OPERATOR");

    assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
    assertThatThrownBy(() -> tokens.decode(token)).isInstanceOf(JwtValidationException.class);
    assertThat(tokens.size()).isZero();
  }

  @Test
  void aTokenSignedByAnotherKeyIsRefusedEveryTimeAndNeverRemembered() {
    VerifiedTokens tokens = tokens(100);
    String forged = TestTokens.signedByAnotherKey("operator", null, "OPERATOR");

    for (int i = 0; i < 3; i++) {
      assertThatThrownBy(() -> tokens.decode(forged)).isInstanceOf(JwtException.class);
    }

    assertThat(signatureChecks).hasValue(3);
    assertThat(tokens.size()).isZero();
  }

  @Test
  void atMostItsCapacityIsRemembered() {
    VerifiedTokens tokens = tokens(3);

    for (int i = 0; i < 20; i++) {
      tokens.decode(TestTokens.token("operator-" + i, null, "OPERATOR"));
    }

    assertThat(tokens.size()).isLessThanOrEqualTo(3);
  }
}
