package city.hotline.dispatch.routing;

import city.hotline.support.web.ApiException.FieldProblem;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** An admin's edits of a unit, decided without storage. */
final class UnitEdits {
  /** Unit ids are stable codes like JIANGAN_CGJ: they are stored on every case and in users' tokens. */
  private static final Pattern ID = Pattern.compile("[A-Z][A-Z0-9_]{1,63}");
  private static final int MAX_NAME_LENGTH = 64;

  private UnitEdits() {}

  static List<FieldProblem> validate(String id, String name, Boolean active) {
    List<FieldProblem> problems = new ArrayList<>();
    if (!ID.matcher(id).matches()) {
      problems.add(new FieldProblem("id", "must be 2-64 of A-Z 0-9 _ starting with a letter"));
    }
    if (name == null || name.isBlank()) {
      problems.add(new FieldProblem("name", "is required"));
    } else if (name.strip().length() > MAX_NAME_LENGTH) {
      problems.add(new FieldProblem("name", "must be at most " + MAX_NAME_LENGTH + " characters"));
    }
    if (active == null) {
      problems.add(new FieldProblem("active", "is required (true or false)"));
    }
    return problems;
  }

  /** Whether the PUT changes anything; an unchanged unit is not written again. */
  static Outcome outcome(Optional<UnitDetails> current, String name, boolean active) {
    if (current.isEmpty()) {
      return Outcome.CREATED;
    }
    UnitDetails unit = current.get();
    return unit.name().equals(name.strip()) && unit.active() == active ? Outcome.UNCHANGED : Outcome.CHANGED;
  }

  /**
   * Why a unit may not be retired now: active rules still send cases to it, and routing would keep
   * choosing a unit that may get no new cases.
   */
  static Optional<String> refusal(String id, List<String> activeRuleKeys) {
    if (activeRuleKeys.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of("unit " + id + " is still the target of active routing rules " + String.join(", ", activeRuleKeys)
        + ": point them at another unit or retire them first");
  }
}
