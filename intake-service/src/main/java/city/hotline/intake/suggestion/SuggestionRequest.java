package city.hotline.intake.suggestion;

import city.hotline.intake.complaint.RegistrationRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What the operator has typed so far: the description (required), the address and a map point if any, under the
 * registration's rules for the same fields ({@link RegistrationRequest}), so what is refused here would be there.
 */
record SuggestionRequest(
    @NotBlank(message = "is required") @Size(max = 2000, message = "must be 1 to 2000 characters") String description,
    @Size(max = 200, message = "must be at most 200 characters") String address,
    @Valid RegistrationRequest.Location location) {

  /** Says what the call is about, never more: the description may name the caller. */
  @Override
  public String toString() {
    return "SuggestionRequest[" + (description == null ? 0 : description.length()) + " characters]";
  }
}
