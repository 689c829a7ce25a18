package city.hotline.intake.complaint;

import java.time.Instant;

/** One step of the citizen-facing timeline: when, what status (null for a note that changes none), who, and a short note. */
public record TimelineEntry(Instant at, ComplaintStatus status, String actor, String note) {}
