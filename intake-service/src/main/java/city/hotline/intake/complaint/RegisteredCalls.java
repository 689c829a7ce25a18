package city.hotline.intake.complaint;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import org.springframework.stereotype.Component;

/**
 * {@code hotline_calls_registered_total{channel,type}}: new work orders, by how the citizen called and what about.
 * Tagged with the two enums only, never anything the citizen said, so the series stay few and hold no personal data.
 */
@Component
class RegisteredCalls {
  static final String NAME = "hotline.calls.registered";

  private final MeterRegistry registry;

  RegisteredCalls(MeterRegistry registry) {
    this.registry = registry;
    // Every series from 0 at start: one that first appears at 1 is an increase rate() and increase() never see.
    for (Channel channel : Channel.values()) {
      for (ComplaintType type : ComplaintType.values()) {
        counter(channel, type);
      }
    }
  }

  /** Once per work order written: a retried or refused registration never reaches here. */
  void count(Channel channel, ComplaintType type) {
    counter(channel, type).increment();
  }

  private Counter counter(Channel channel, ComplaintType type) {
    return Counter.builder(NAME).description("Calls registered as new work orders")
        .tag("channel", channel.name()).tag("type", type.name())
        .register(registry);
  }
}
