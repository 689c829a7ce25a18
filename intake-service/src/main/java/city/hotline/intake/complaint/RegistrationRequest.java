package city.hotline.intake.complaint;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;

/** A call as the operator logs it (SPEC §7 POST /api/complaints). Channel and type default to a phone complaint. */
public record RegistrationRequest(
    @NotBlank(message = "is required") @Size(max = 50, message = "must be at most 50 characters") String callerName,
    @NotBlank(message = "is required")
        @Pattern(regexp = PHONE, message = "must be a Chinese mobile (11 digits, 1[3-9]…) or landline (0xx-xxxxxxxx) number")
        String callerPhone,
    boolean confidential,
    Channel channel,
    ComplaintType type,
    @NotBlank(message = "is required") String category,
    @NotNull(message = "is required") Urgency urgency,
    @NotBlank(message = "is required") String district,
    @NotBlank(message = "is required") @Size(max = 200, message = "must be at most 200 characters") String address,
    @NotBlank(message = "is required") @Size(max = 2000, message = "must be 1 to 2000 characters") String description) {

  /** Mobile 1[3-9]x + 8 digits, or a landline with area code (0 + 2-3 digits) and 7-8 digits, dash optional. */
  static final String PHONE = "^(1[3-9]\\d{9}|0\\d{2,3}-?\\d{7,8})$";

  Channel channelOrDefault() {
    return channel == null ? Channel.PHONE : channel;
  }

  ComplaintType typeOrDefault() {
    return type == null ? ComplaintType.COMPLAINT : type;
  }
}
