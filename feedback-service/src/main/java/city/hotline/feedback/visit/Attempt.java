package city.hotline.feedback.visit;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * One return-visit call (回访) as the operator records it.
 *
 * @param reached whether the citizen answered; when true a satisfaction rating is required
 * @param score optional 1–5
 * @param solved whether the problem was actually solved, in the citizen's words
 */
public record Attempt(
    @NotNull(message = "is required") Boolean reached,
    Satisfaction satisfaction,
    @Min(value = 1, message = "must be between 1 and 5") @Max(value = 5, message = "must be between 1 and 5") Integer score,
    Boolean solved,
    @Size(max = 1000, message = "must be at most 1000 characters") String comment) {}
