package city.hotline.intake.partner;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/** {@code POST /api/admin/partners}: who the partner is. */
record PartnerRequest(
    @NotBlank(message = "is required") @Size(max = 100, message = "must be at most 100 characters") String name,
    @Size(max = 200, message = "must be at most 200 characters") String contact) {}
