package city.hotline.feedback.visit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/** A citizen's own rating through the one-time link (满意 / 基本满意 / 不满意). */
public record CitizenRating(
    @NotBlank(message = "is required") String token,
    @NotNull(message = "is required: SATISFIED, BASICALLY_SATISFIED or DISSATISFIED") Satisfaction satisfaction,
    @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5") Integer score,
    Boolean solved,
    @Size(max = 1000, message = "must be at most 1000 characters") String comment) {

  /** Just the token, to look the case up before rating. */
  public record Lookup(@NotBlank(message = "is required") String token) {}
}
