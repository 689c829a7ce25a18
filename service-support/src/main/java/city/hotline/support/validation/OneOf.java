package city.hotline.support.validation;

import static java.lang.annotation.ElementType.ANNOTATION_TYPE;
import static java.lang.annotation.ElementType.FIELD;
import static java.lang.annotation.ElementType.METHOD;
import static java.lang.annotation.ElementType.PARAMETER;
import static java.lang.annotation.ElementType.TYPE_USE;
import static java.lang.annotation.RetentionPolicy.RUNTIME;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.Target;

/**
 * The text must be the name of one of the enum's constants; null passes (pair with {@code @NotNull} when required).
 *
 * <p>Request bodies take enumerated fields as text checked by this constraint, not as the enum itself: an
 * unknown name then fails validation together with every other broken rule of the request, where reading
 * the JSON into the enum would stop at the first unknown name and hide the rest. The message names the
 * allowed values and the one given.
 */
@Documented
@Constraint(validatedBy = OneOfValidator.class)
@Target({FIELD, METHOD, PARAMETER, ANNOTATION_TYPE, TYPE_USE})
@Retention(RUNTIME)
public @interface OneOf {
  Class<? extends Enum<?>> value();

  /** {@code {problem}} is filled in by {@link OneOfValidator#problem}. */
  String message() default "{problem}";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};
}
