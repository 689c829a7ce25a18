package city.hotline.intake.complaint;

import java.time.Instant;
import java.util.List;

/** A work order as the API shows it, with its timeline oldest first. */
public record ComplaintView(
    String ticketId,
    ComplaintStatus status,
    String callerName,
    String callerPhone,
    boolean confidential,
    Channel channel,
    ComplaintType type,
    String category,
    Urgency urgency,
    String district,
    String address,
    String description,
    Instant registeredAt,
    List<TimelineEntry> timeline) {}
