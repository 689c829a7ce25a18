package city.hotline.feedback.visit;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
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
  }

  /** Once per visit closed: called only after the guarded close was written. */
  void count(String outcome) {
    Counter.builder(NAME).description("Return visits closed, by outcome").tag("outcome", outcome)
        .register(registry).increment();
  }
}
