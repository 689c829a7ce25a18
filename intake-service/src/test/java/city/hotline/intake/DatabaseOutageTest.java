package city.hotline.intake;

import static org.assertj.core.api.Assertions.assertThat;

import city.hotline.testsupport.HttpJson.Reply;
import city.hotline.testsupport.MongoWireTestServer;
import city.hotline.testsupport.ServiceIntegrationTest;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/** With its database gone, intake refuses a call at once with a clear 503 instead of hanging or half-writing it. */
class DatabaseOutageTest extends ServiceIntegrationTest {
  private static final MongoWireTestServer OWN_DATABASE = new MongoWireTestServer();

  @DynamicPropertySource
  static void properties(DynamicPropertyRegistry registry) {
    registry.add("hotline.mongo.uri", OWN_DATABASE::uri);
    registry.add("hotline.mongo.database", () -> "intake-outage");
  }

  @Override
  protected List<String> probedTopics() {
    return List.of("hotline.intake.events");
  }

  @Test
  void aRegistrationWhileTheDatabaseIsDownIsA503WithRetryAfter() {
    OWN_DATABASE.close();

    Reply reply = as("OPERATOR").post("/api/complaints", IntakeIntegrationTest.call());

    assertThat(reply.status()).isEqualTo(503);
    assertThat(reply.contentType()).startsWith("application/problem+json");
    assertThat(reply.retryAfter()).isNotBlank();
    assertThat(reply.body().path("detail").asString()).contains("database is unavailable");
  }
}
