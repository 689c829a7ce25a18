package city.hotline.intake.complaint;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class RegisteredCallsTest {
  @Test
  void everyChannelAndTypeIsThereFromZeroSoTheFirstCallIsAnIncrease() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    RegisteredCalls calls = new RegisteredCalls(registry);
    assertThat(registry.find(RegisteredCalls.NAME).counters())
        .hasSize(Channel.values().length * ComplaintType.values().length)
        .allSatisfy(counter -> assertThat(counter.count()).isZero());
    calls.count(Channel.values()[0], ComplaintType.values()[0]);
    assertThat(registry.find(RegisteredCalls.NAME).tags("channel", Channel.values()[0].name(),
        "type", ComplaintType.values()[0].name()).counter().count()).isEqualTo(1.0);
  }
}
