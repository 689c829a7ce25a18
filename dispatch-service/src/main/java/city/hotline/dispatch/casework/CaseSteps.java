package city.hotline.dispatch.casework;

import city.hotline.contracts.CaseEvent;
import city.hotline.contracts.EventType;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * {@code hotline_case_steps_total{step,unit}}: the steps cases take, per unit, counted from the event each
 * written step publishes. Counted only where a guarded write succeeded ({@link CaseWrites}), so a redelivered
 * event, a lost race or a refused request never counts, and a step restored without its event (a replay) neither.
 * The unit is the one the event names (for a return, the unit that returned it); tags are codes, never a ticket.
 */
@Component
class CaseSteps {
  static final String NAME = "hotline.case.steps";
  /** 派单 (by a rule, by hand or again after 重办), 签收, 办结, 退单, 超期. */
  private static final Map<EventType, String> STEPS = Map.of(
      EventType.CASE_DISPATCHED, "dispatched",
      EventType.CASE_CLAIMED, "claimed",
      EventType.CASE_RESOLVED, "resolved",
      EventType.CASE_RETURNED, "returned",
      EventType.CASE_OVERDUE, "overdue");

  private final MeterRegistry registry;

  CaseSteps(MeterRegistry registry) {
    this.registry = registry;
  }

  /** Call once the step with this event is stored; other events (extensions, 督办, withdrawals) are not steps here. */
  void taken(CaseChange.Event event) {
    String step = STEPS.get(event.type());
    if (step == null || !(event.payload() instanceof CaseEvent payload) || payload.facts().unitId() == null) {
      return;
    }
    Counter.builder(NAME).description("Steps cases took, by step and unit")
        .tag("step", step).tag("unit", payload.facts().unitId())
        .register(registry).increment();
  }
}
