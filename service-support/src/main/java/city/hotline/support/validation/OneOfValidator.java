package city.hotline.support.validation;

import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import java.util.List;
import java.util.stream.Stream;
import org.hibernate.validator.constraintvalidation.HibernateConstraintValidatorContext;

/** Checks {@link OneOf}. */
public class OneOfValidator implements ConstraintValidator<OneOf, CharSequence> {
  /** Enough to recognise a typo; a long value is not echoed back whole. */
  private static final int SHOWN = 40;

  private Class<? extends Enum<?>> type;
  private List<String> names;

  @Override
  public void initialize(OneOf oneOf) {
    type = oneOf.value();
    names = names(type);
  }

  @Override
  public boolean isValid(CharSequence value, ConstraintValidatorContext context) {
    if (value == null || names.contains(value.toString())) {
      return true;
    }
    // A message parameter, never part of the template: the value is the caller's text and must not be interpolated.
    context.unwrap(HibernateConstraintValidatorContext.class).addMessageParameter("problem", problem(type, value));
    return false;
  }

  /**
   * How an unknown name is reported, e.g. {@code must be one of EMERGENCY, URGENT, NORMAL, not "SOON"}; public
   * so that a value rejected while reading JSON (outside bean validation) is worded the same.
   */
  public static String problem(Class<?> type, Object rejected) {
    String given = String.valueOf(rejected);
    String shown = given.length() <= SHOWN ? given : given.substring(0, SHOWN) + "…";
    return "must be one of " + String.join(", ", names(type)) + ", not \"" + shown + "\"";
  }

  private static List<String> names(Class<?> type) {
    return Stream.of(type.getEnumConstants()).map(constant -> ((Enum<?>) constant).name()).toList();
  }
}
