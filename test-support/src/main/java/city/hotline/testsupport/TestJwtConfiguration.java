package city.hotline.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Makes a service under test trust {@link TestTokens} instead of fetching the gateway's keys. */
@TestConfiguration(proxyBeanMethods = false)
public class TestJwtConfiguration {
  @Bean
  JwtDecoder jwtDecoder() {
    return TestTokens.decoder();
  }
}
