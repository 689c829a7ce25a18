package city.hotline.feedback.visit;

import city.hotline.support.validation.OneOf;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * A citizen's own rating through the one-time link (满意 / 基本满意 / 不满意); the satisfaction by name, so an
 * unknown one is reported with the other fields.
 */
public record CitizenRating(
    @NotBlank(message = "is required") String token,
    @NotNull(message = "is required: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED")
        @OneOf(Satisfaction.class) String satisfaction,
    @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5") Integer score,
    Boolean solved,
    @Size(max = 1000, message = "must be at most 1000 characters") String comment) {

  /** Once valid: a rating through the link always reached the citizen. */
  Attempt attempt() {
    return new Attempt(true, Satisfaction.valueOf(satisfaction), score, solved, comment);
  }

  /** Just the token, to look the case up before rating. */
  public record Lookup(@NotBlank(message = "is required") String token) {}
}
