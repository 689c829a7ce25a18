package city.hotline.contracts;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Instant;
import java.util.List;

/**
 * The surge fell back below its line: the window no longer holds enough calls.
 *
 * @param peakCount the most calls the window held while the surge lasted
 * @param tickets every call that was part of the surge, oldest first
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record SurgeEnded(String surgeId, Instant endedAt, long peakCount, List<String> tickets) {}
