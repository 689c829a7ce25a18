package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * A further call joined an open surge: its count and the calls behind it, so the people working the
 * alert see every call while it lasts (the surge itself is still reported once, by {@link SurgeDetected}).
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SurgeGrew(String surgeId, Instant windowStart, Instant windowEnd, long count, List<String> tickets) {}
