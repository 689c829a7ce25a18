package city.hotline.feedback.visit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Arrays;
import java.util.stream.Stream;
import org.springframework.stereotype.Component;

/**
 * {@code hotline_visits_closed_total{outcome}}: return visits closed (结案), by outcome: the citizen's verdict
 * ({@link Satisfaction}), UNREACHABLE, or NO_RESPONSE from the clock. The outcome is one of those names, never
 * anything the citizen said.
 */
@Component
class ClosedVisits {
  static final String NAME = "hotline.visits.closed";

  private final MeterRegistry registry;

  ClosedVisits(MeterRegistry registry) {
    this.registry = registry;
    // Every outcome from 0 at start: a series that first appears at 1 is an increase rate() and increase() never see.
    Stream.concat(Arrays.stream(Satisfaction.values()).map(Enum::name), Stream.of(Visit.UNREACHABLE, Visit.NO_RESPONSE))
        .forEach(this::counter);
  }

  /** Once per visit closed: called only after the guarded close was written. */
  void count(String outcome) {
    counter(outcome).increment();
  }

  private Counter counter(String outcome) {
    return Counter.builder(NAME).description("Return visits closed, by outcome").tag("outcome", outcome)
        .register(registry);
  }
}
