package city.hotline.dispatch.routing;

import city.hotline.support.web.ApiException.FieldProblem;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;

/** An admin's edits of a routing rule (路由规则), decided without storage: what is valid, and which edit makes a version. */
final class RuleEdits {
  private RuleEdits() {}

  /** The rule as it is after the edit, and whether the edit made a new version of it. */
  record Edit(Outcome outcome, RuleVersion rule) {}

  /** Every broken rule of a PUT at once; {@code isActiveUnit} is asked only about a given unit id. */
  static List<FieldProblem> validate(String district, String category, String unitId, RoutingCodes codes,
      Predicate<String> isActiveUnit) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!RoutingRule.ANY.equals(district) && !codes.isDistrict(district)) {
      problems.add(new FieldProblem("district", "must be * or one of the district codes listed by /api/reference/districts"));
    }
    if (!RoutingRule.ANY.equals(category) && !codes.isCategory(category)) {
      problems.add(new FieldProblem("category", "must be * or one of the category codes listed by /api/reference/categories"));
    }
    if (RoutingRule.ANY.equals(district) && RoutingRule.ANY.equals(category)) {
      // A rule for everything would route every case and leave nothing for manual dispatch (待人工派单).
      String why = "district and category may not both be *";
      problems.add(new FieldProblem("district", why));
      problems.add(new FieldProblem("category", why));
    }
    if (unitId == null || unitId.isBlank()) {
      problems.add(new FieldProblem("unitId", "is required"));
    } else if (!isActiveUnit.test(unitId)) {
      problems.add(new FieldProblem("unitId", "must be an active unit listed by /api/admin/units"));
    }
    return problems;
  }

  /** PUT: a new rule is version 1; pointing it elsewhere or re-activating it makes the next version. */
  static Edit put(Optional<RuleVersion> current, String district, String category, String unitId, String by,
      Instant at) {
    if (current.isEmpty()) {
      return new Edit(Outcome.CREATED, new RuleVersion(district, category, unitId, 1, true, by, at));
    }
    RuleVersion rule = current.get();
    if (rule.active() && rule.unitId().equals(unitId)) {
      return new Edit(Outcome.UNCHANGED, rule);
    }
    return new Edit(Outcome.CHANGED, new RuleVersion(district, category, unitId, rule.version() + 1, true, by, at));
  }

  /** DELETE: retiring keeps the rule (and its history) but takes it out of routing, as a new version. */
  static Edit retire(RuleVersion current, String by, Instant at) {
    if (!current.active()) {
      return new Edit(Outcome.UNCHANGED, current);
    }
    return new Edit(Outcome.CHANGED, new RuleVersion(current.district(), current.category(), current.unitId(),
        current.version() + 1, false, by, at));
  }
}
