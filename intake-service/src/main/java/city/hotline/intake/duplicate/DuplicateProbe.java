package city.hotline.intake.duplicate;

import city.hotline.intake.complaint.RegistrationRequest;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Size;

/**
 * What the operator has typed so far; every field is optional and the check uses what is there.
 * Sent in a POST body, never a URL, so the caller's phone stays out of access logs.
 */
public record DuplicateProbe(
    @Size(max = 20, message = "must be at most 20 characters") String callerPhone,
    @Size(max = 40, message = "must be at most 40 characters") String category,
    @Size(max = 40, message = "must be at most 40 characters") String district,
    @Size(max = 200, message = "must be at most 200 characters") String address,
    @Valid RegistrationRequest.Location location) {

  /** Says what is probed, never the caller's phone. */
  @Override
  public String toString() {
    return "DuplicateProbe[" + category + " " + district + (callerPhone == null ? "" : ", by phone") + "]";
  }

  public static DuplicateProbe of(RegistrationRequest request) {
    return new DuplicateProbe(request.callerPhone(), request.category(), request.district(), request.address(),
        request.location());
  }
}
