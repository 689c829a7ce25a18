package city.hotline.testsupport;

import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.security.oauth2.jwt.JwtDecoder;

/** Makes a service under test trust {@link TestTokens} instead of the gateway's keys (primary over the service's own). */
@TestConfiguration(proxyBeanMethods = false)
public class TestJwtConfiguration {
  @Bean
  @Primary
  JwtDecoder jwtDecoder() {
    return TestTokens.decoder();
  }
}
