package city.hotline.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class VirtualThreadCarriersTest {

  @Test
  void aSmallMachineGetsTheMinimumAndABigOneACarrierPerCore() {
    assertThat(VirtualThreadCarriers.carriers(null, 2)).isEqualTo(VirtualThreadCarriers.DEFAULT_MINIMUM);
    assertThat(VirtualThreadCarriers.carriers("", 64)).isEqualTo(64);
    assertThat(VirtualThreadCarriers.carriers(" 32 ", 2)).isEqualTo(32);
  }

  @Test
  void aMinimumBelowOneIsRefusedNamingTheSetting() {
    assertThatThrownBy(() -> VirtualThreadCarriers.carriers("0", 2))
        .hasMessageContaining(VirtualThreadCarriers.ENVIRONMENT);
  }
}
