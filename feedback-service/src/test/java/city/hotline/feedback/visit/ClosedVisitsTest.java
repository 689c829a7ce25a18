package city.hotline.feedback.visit;

import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import org.junit.jupiter.api.Test;

class ClosedVisitsTest {
  @Test
  void everyOutcomeIsThereFromZeroSoTheFirstCloseIsAnIncrease() {
    SimpleMeterRegistry registry = new SimpleMeterRegistry();
    ClosedVisits closed = new ClosedVisits(registry);
    assertThat(registry.find(ClosedVisits.NAME).counters())
        .extracting(counter -> counter.getId().getTag("outcome"))
        .containsExactlyInAnyOrder("SATISFIED", "BASICALLY_SATISFIED", "DISSATISFIED", "UNREACHABLE", "NO_RESPONSE");
    assertThat(registry.find(ClosedVisits.NAME).counters()).allSatisfy(counter -> assertThat(counter.count()).isZero());
    closed.count(Visit.NO_RESPONSE);
    Counter noResponse = registry.find(ClosedVisits.NAME).tag("outcome", "NO_RESPONSE").counter();
    assertThat(noResponse.count()).isEqualTo(1.0);
  }
}
