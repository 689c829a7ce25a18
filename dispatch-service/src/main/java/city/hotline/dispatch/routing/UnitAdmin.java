package city.hotline.dispatch.routing;

import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** Units as data: the admin creates, renames, retires and re-activates them; dispatchers pick from the active ones. */
@Service
class UnitAdmin {
  private static final Logger log = LoggerFactory.getLogger(UnitAdmin.class);

  private final RoutingRepository routing;
  private final RuleRepository rules;
  private final Clock clock;

  UnitAdmin(RoutingRepository routing, RuleRepository rules, Clock clock) {
    this.routing = routing;
    this.rules = rules;
    this.clock = clock;
  }

  record Saved(Outcome outcome, UnitDetails unit) {}

  List<UnitDetails> all() {
    return routing.units();
  }

  /** The units cases may be dispatched to now, sorted by id. */
  List<Unit> active() {
    return routing.units().stream().filter(UnitDetails::active).map(UnitDetails::unit).toList();
  }

  Saved put(String id, String name, Boolean active, Caller caller) {
    List<FieldProblem> problems = UnitEdits.validate(id, name, active);
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    Optional<UnitDetails> current = routing.details(id);
    if (UnitEdits.outcome(current, name, active) == Outcome.UNCHANGED) {
      return new Saved(Outcome.UNCHANGED, current.orElseThrow());
    }
    if (!active) {
      UnitEdits.refusal(id, rules.activeKeysFor(id)).ifPresent(why -> {
        throw ApiException.conflict(why);
      });
    }
    UnitDetails next = new UnitDetails(id, name.strip(), active, caller.actor(), clock.instant());
    Outcome outcome = routing.save(next) ? Outcome.CREATED : Outcome.CHANGED;
    log.info("unit saved unitId={} active={} outcome={}", id, active, outcome);
    return new Saved(outcome, next);
  }
}
