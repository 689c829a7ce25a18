package city.hotline.intake.citizen;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import java.util.Locale;

/** 查询进度: the ticket number the citizen was given and the last four digits of the phone they called from. */
public record ProgressRequest(
    @NotBlank(message = "is required") @Pattern(regexp = "\\s*[A-Za-z0-9]{1,32}\\s*",
        message = "must be a ticket number (letters and digits, e.g. WH20261122000123)") String ticketId,
    @NotBlank(message = "is required") @Pattern(regexp = PhoneDigits.PATTERN,
        message = "must be the last 4 digits of the phone number") String phoneLast4) {

  /** The number as tickets are stored: without blanks around it, in capitals. */
  String ticket() {
    return ticketId.trim().toUpperCase(Locale.ROOT);
  }

  /** Names the ticket, never the digits. */
  @Override
  public String toString() {
    return "ProgressRequest[" + ticketId + "]";
  }
}
