package city.hotline.support.validation;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validation;
import jakarta.validation.Validator;
import jakarta.validation.ValidatorFactory;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Test;

class OneOfTest {
  enum Level { LOW, HIGH }

  record Form(@OneOf(Level.class) String level, List<@OneOf(Level.class) String> levels) {}

  private static final ValidatorFactory FACTORY = Validation.buildDefaultValidatorFactory();
  private static final Validator VALIDATOR = FACTORY.getValidator();

  @AfterAll
  static void close() {
    FACTORY.close();
  }

  private static Map<String, String> problems(Form form) {
    Map<String, String> byField = new TreeMap<>();
    for (ConstraintViolation<Form> v : VALIDATOR.validate(form)) {
      byField.put(v.getPropertyPath().toString(), v.getMessage());
    }
    return byField;
  }

  @Test
  void aConstantsNameOrNothingPasses() {
    assertThat(problems(new Form("HIGH", List.of("LOW")))).isEmpty();
    assertThat(problems(new Form(null, null))).isEmpty();
  }

  @Test
  void anUnknownNameIsReportedWithTheAllowedOnesAndTheValueGiven() {
    assertThat(problems(new Form("high", List.of("LOW", "MEDIUM")))).isEqualTo(Map.of(
        "level", "must be one of LOW, HIGH, not \"high\"",
        "levels[1].<list element>", "must be one of LOW, HIGH, not \"MEDIUM\""));
  }

  @Test
  void theValueGivenIsShownAsTextNeverInterpolated() {
    assertThat(problems(new Form("${1+1}{problem}\\", null)).get("level")).endsWith("not \"${1+1}{problem}\\\"");
  }

  @Test
  void aLongValueIsCutShort() {
    assertThat(problems(new Form("X".repeat(1000), null)).get("level")).endsWith("not \"" + "X".repeat(40) + "…\"");
  }
}
