package city.hotline.infra.client;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Who the commands (reconcile, rebuild-stats, evaluate-suggestions) sign in as. */
class ApiClientTest {
  private static final String GATEWAY = "http://localhost:8080";

  @Test
  void theAdministratorIsAdminWithTheDemoPasswordUnlessTheEnvironmentSaysOtherwise() {
    ApiClient.Admin byDefault = ApiClient.asAdmin(GATEWAY, Map.of());
    assertThat(byDefault.user()).isEqualTo("admin");
    assertThat(byDefault.api().password()).isEqualTo(ApiClient.DEMO_PASSWORD).isEqualTo("Hotline@12345");
    assertThat(byDefault.api().baseUrl()).isEqualTo(GATEWAY);

    assertThat(ApiClient.asAdmin(GATEWAY, Map.of("HOTLINE_DEMO_PASSWORD", "demo")).api().password()).isEqualTo("demo");
    ApiClient.Admin configured = ApiClient.asAdmin(GATEWAY, Map.of("HOTLINE_DEMO_PASSWORD", "demo",
        "HOTLINE_ADMIN_PASSWORD", "s3cret", "HOTLINE_ADMIN_USER", "ops"));
    assertThat(configured.user()).isEqualTo("ops");
    assertThat(configured.api().password()).as("the admin's own password first").isEqualTo("s3cret");
  }
}
