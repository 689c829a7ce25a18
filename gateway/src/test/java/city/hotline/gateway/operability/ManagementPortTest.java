package city.hotline.gateway.operability;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.springframework.mock.env.MockEnvironment;

/** An operator who points MANAGEMENT_PORT at the public port is stopped at start, not left publishing metrics. */
class ManagementPortTest {

  @Test
  void theActuatorOnThePublicPortStopsTheGatewayAtStart() {
    MockEnvironment samePort = new MockEnvironment()
        .withProperty("server.port", "8080").withProperty("management.server.port", "8080");
    assertThatThrownBy(() -> ManagementPort.requireOwnPort(samePort))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("MANAGEMENT_PORT");
  }

  @Test
  void itsOwnPortOrNoneAtAllIsAccepted() {
    assertThatCode(() -> ManagementPort.requireOwnPort(new MockEnvironment()
        .withProperty("server.port", "8080").withProperty("management.server.port", "8090"))).doesNotThrowAnyException();
    assertThatCode(() -> ManagementPort.requireOwnPort(new MockEnvironment()
        .withProperty("server.port", "8080").withProperty("management.server.port", "-1"))).doesNotThrowAnyException();
  }
}
