package city.hotline.dispatch.routing;

import city.hotline.support.web.IfMatch;
import city.hotline.dispatch.routing.RuleEdits.Edit;
import city.hotline.support.security.Caller;
import city.hotline.support.web.ApiException;
import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.stream.Collectors;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Service;

/** The admin's 路由规则 edits: validated, versioned, journaled, and applied only to the version they were based on. */
@Service
class RuleAdmin {
  private static final Logger log = LoggerFactory.getLogger(RuleAdmin.class);

  private final RuleRepository rules;
  private final RoutingRepository routing;
  private final RoutingCodes codes;
  private final Clock clock;

  RuleAdmin(RuleRepository rules, RoutingRepository routing, RoutingCodes codes, Clock clock) {
    this.rules = rules;
    this.routing = routing;
    this.codes = codes;
    this.clock = clock;
  }

  List<RuleView> list() {
    Map<String, String> names = unitNames();
    return rules.all().stream().map(rule -> RuleView.of(rule, names)).toList();
  }

  RuleView get(String district, String category) {
    return RuleView.of(require(district, category), unitNames());
  }

  /** Every version of a rule, newest first. */
  List<RuleView> history(String district, String category) {
    RuleVersion rule = require(district, category);
    Map<String, String> names = unitNames();
    return rules.history(rule.key(), rule.version()).stream().map(version -> RuleView.of(version, names)).toList();
  }

  Edit put(String district, String category, String unitId, OptionalInt expected, Caller caller) {
    List<FieldProblem> problems = RuleEdits.validate(district, category, unitId, codes,
        id -> routing.activeUnit(id).isPresent());
    if (!problems.isEmpty()) {
      throw ApiException.invalid(problems);
    }
    String key = RoutingRule.key(district, category);
    Optional<RuleVersion> current = rules.find(key);
    IfMatch.check(expected, current.map(RuleVersion::version).orElse(0), "routing rule " + key);
    return commit(RuleEdits.put(current, district, category, unitId, caller.actor(), clock.instant()));
  }

  Edit retire(String district, String category, OptionalInt expected, Caller caller) {
    RuleVersion current = require(district, category);
    IfMatch.check(expected, current.version(), "routing rule " + current.key());
    return commit(RuleEdits.retire(current, caller.actor(), clock.instant()));
  }

  Map<String, String> unitNames() {
    return routing.units().stream().collect(Collectors.toMap(UnitDetails::id, UnitDetails::name));
  }

  private RuleVersion require(String district, String category) {
    String key = RoutingRule.key(district, category);
    return rules.find(key).orElseThrow(() -> ApiException.notFound("routing rule", key));
  }

  private Edit commit(Edit edit) {
    if (edit.outcome() == Outcome.UNCHANGED) {
      return edit;
    }
    RuleVersion next = edit.rule();
    String changeId = UUID.randomUUID().toString();
    if (!rules.journal(next, changeId)) {
      // This version is journaled already: another admin's change of the same version, in flight or cut short by a
      // crash before it applied. Finish that one (it was asked for and is in the history), then refuse this one.
      rules.journaled(next.key(), next.version()).ifPresent(other -> rules.apply(other.rule(), other.changeId()));
      throw changedMeanwhile(next);
    }
    // Applying fails only if the rule moved on; if it moved on to this very change, a colleague finished it for us.
    if (!rules.apply(next, changeId) && !rules.changeId(next.key()).filter(changeId::equals).isPresent()) {
      throw changedMeanwhile(next);
    }
    log.info("routing rule changed key={} version={} unitId={} active={}", next.key(), next.version(), next.unitId(),
        next.active());
    return edit;
  }

  private static ApiException changedMeanwhile(RuleVersion next) {
    return ApiException.conflict("routing rule " + next.key() + " was changed by someone else while version "
        + next.version() + " was being written: reload it and try again");
  }
}
