package city.hotline.testsupport;

import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.TestInstance;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.kafka.test.context.EmbeddedKafka;

/**
 * A service under test on a random port, with a real (embedded KRaft) Kafka broker and a probe on
 * the topics the test reads. Subclasses add a {@code @DynamicPropertySource} that calls
 * {@link ServiceTestSupport#register} with their own database name.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@EmbeddedKafka(bootstrapServersProperty = "spring.kafka.bootstrap-servers")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@Import(TestJwtConfiguration.class)
public abstract class ServiceIntegrationTest {
  protected static final Duration WAIT = Duration.ofSeconds(30);

  @Value("${local.server.port}")
  protected int port;

  @Value("${spring.kafka.bootstrap-servers}")
  protected String bootstrap;

  protected TopicProbe probe;

  /** The topics whose records the test wants to read. */
  protected abstract List<String> probedTopics();

  @BeforeAll
  void openProbe() {
    probe = new TopicProbe(bootstrap, probedTopics().toArray(String[]::new));
  }

  @AfterAll
  void closeProbe() {
    probe.close();
  }

  /** Without a token. */
  protected HttpJson anonymous() {
    return new HttpJson("http://localhost:" + port);
  }

  /** As a user of the given role (and unit, for BUREAU users). */
  protected HttpJson as(String role, String unit) {
    return anonymous().withToken(TestTokens.token(role.toLowerCase() + (unit == null ? "" : "-" + unit), unit, role));
  }

  protected HttpJson as(String role) {
    return as(role, null);
  }
}
