package city.hotline.intake.duplicate;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/complaints/{ticketId}/merge}: the earlier open ticket this one repeats. */
public record MergeRequest(
    @NotBlank(message = "is required") @Size(max = 32, message = "must be a ticket number") String originalTicketId) {}
